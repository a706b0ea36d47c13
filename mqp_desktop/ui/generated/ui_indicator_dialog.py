# Automatically generated - do not edit.
# Source: forms/indicator_dialog.ui (sha256 54097736cabd306738c1e2f2b362e6c9fecc41a9939c9fe8fc53a6a8034414d4)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_IndicatorDialog(object):
    def setupUi(self, IndicatorDialog):
        if not IndicatorDialog.objectName():
            IndicatorDialog.setObjectName(u"IndicatorDialog")
        IndicatorDialog.resize(820, 420)
        IndicatorDialog.setMinimumSize(QSize(640, 0))
        self.mainLayout = QVBoxLayout(IndicatorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columns = QHBoxLayout()
        self.columns.setSpacing(18)
        self.columns.setObjectName(u"columns")
        self.whatForm = QFormLayout()
        self.whatForm.setObjectName(u"whatForm")
        self.whatForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.codeLabel = QLabel(IndicatorDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.whatForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(IndicatorDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(24)

        self.whatForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.titleLabel = QLabel(IndicatorDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.whatForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(IndicatorDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.whatForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.themeLabel = QLabel(IndicatorDialog)
        self.themeLabel.setObjectName(u"themeLabel")

        self.whatForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(IndicatorDialog)
        self.themeCombo.setObjectName(u"themeCombo")

        self.whatForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.themeCombo)

        self.ownerLabel = QLabel(IndicatorDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.whatForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(IndicatorDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.whatForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.sourceLabel = QLabel(IndicatorDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.whatForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(IndicatorDialog)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.whatForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sourceEdit)

        self.definitionLabel = QLabel(IndicatorDialog)
        self.definitionLabel.setObjectName(u"definitionLabel")

        self.whatForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.definitionLabel)

        self.definitionEdit = QPlainTextEdit(IndicatorDialog)
        self.definitionEdit.setObjectName(u"definitionEdit")
        self.definitionEdit.setTabChangesFocus(True)
        self.definitionEdit.setMinimumSize(QSize(0, 70))

        self.whatForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.definitionEdit)

        self.tagsLabel = QLabel(IndicatorDialog)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.whatForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tagsList = QListWidget(IndicatorDialog)
        self.tagsList.setObjectName(u"tagsList")
        self.tagsList.setMinimumSize(QSize(0, 80))

        self.whatForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.tagsList)


        self.columns.addLayout(self.whatForm)

        self.measureForm = QFormLayout()
        self.measureForm.setObjectName(u"measureForm")
        self.measureForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.unitLabel = QLabel(IndicatorDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.measureForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(IndicatorDialog)
        self.unitCombo.addItem("")
        self.unitCombo.addItem("")
        self.unitCombo.addItem("")
        self.unitCombo.addItem("")
        self.unitCombo.setObjectName(u"unitCombo")

        self.measureForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.directionLabel = QLabel(IndicatorDialog)
        self.directionLabel.setObjectName(u"directionLabel")

        self.measureForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.directionCombo = QComboBox(IndicatorDialog)
        self.directionCombo.addItem("")
        self.directionCombo.addItem("")
        self.directionCombo.addItem("")
        self.directionCombo.setObjectName(u"directionCombo")

        self.measureForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.targetLabel = QLabel(IndicatorDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.measureForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QLineEdit(IndicatorDialog)
        self.targetEdit.setObjectName(u"targetEdit")

        self.measureForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.toleranceLabel = QLabel(IndicatorDialog)
        self.toleranceLabel.setObjectName(u"toleranceLabel")

        self.measureForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.toleranceLabel)

        self.toleranceEdit = QLineEdit(IndicatorDialog)
        self.toleranceEdit.setObjectName(u"toleranceEdit")

        self.measureForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.toleranceEdit)

        self.bandLabel = QLabel(IndicatorDialog)
        self.bandLabel.setObjectName(u"bandLabel")
        self.bandLabel.setWordWrap(True)

        self.measureForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.bandLabel)

        self.frequencyLabel = QLabel(IndicatorDialog)
        self.frequencyLabel.setObjectName(u"frequencyLabel")

        self.measureForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.frequencyLabel)

        self.frequencyCombo = QComboBox(IndicatorDialog)
        self.frequencyCombo.addItem("")
        self.frequencyCombo.addItem("")
        self.frequencyCombo.addItem("")
        self.frequencyCombo.setObjectName(u"frequencyCombo")

        self.measureForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.frequencyCombo)

        self.byAgencyCheck = QCheckBox(IndicatorDialog)
        self.byAgencyCheck.setObjectName(u"byAgencyCheck")

        self.measureForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.byAgencyCheck)


        self.columns.addLayout(self.measureForm)


        self.mainLayout.addLayout(self.columns)

        self.errorLabel = QLabel(IndicatorDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(IndicatorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.themeLabel.setBuddy(self.themeCombo)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.sourceLabel.setBuddy(self.sourceEdit)
        self.definitionLabel.setBuddy(self.definitionEdit)
        self.tagsLabel.setBuddy(self.tagsList)
        self.unitLabel.setBuddy(self.unitCombo)
        self.directionLabel.setBuddy(self.directionCombo)
        self.targetLabel.setBuddy(self.targetEdit)
        self.toleranceLabel.setBuddy(self.toleranceEdit)
        self.frequencyLabel.setBuddy(self.frequencyCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.themeCombo)
        QWidget.setTabOrder(self.themeCombo, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.sourceEdit)
        QWidget.setTabOrder(self.sourceEdit, self.definitionEdit)
        QWidget.setTabOrder(self.definitionEdit, self.tagsList)
        QWidget.setTabOrder(self.tagsList, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.directionCombo)
        QWidget.setTabOrder(self.directionCombo, self.targetEdit)
        QWidget.setTabOrder(self.targetEdit, self.toleranceEdit)
        QWidget.setTabOrder(self.toleranceEdit, self.frequencyCombo)
        QWidget.setTabOrder(self.frequencyCombo, self.byAgencyCheck)
        QWidget.setTabOrder(self.byAgencyCheck, self.buttonBox)

        self.retranslateUi(IndicatorDialog)
        self.buttonBox.accepted.connect(IndicatorDialog.accept)
        self.buttonBox.rejected.connect(IndicatorDialog.reject)

        QMetaObject.connectSlotsByName(IndicatorDialog)
    # setupUi

    def retranslateUi(self, IndicatorDialog):
        IndicatorDialog.setWindowTitle(QCoreApplication.translate("IndicatorDialog", u"Add indicator", None))
        self.codeLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"e.g. CP3 or EH-1.2", None))
#if QT_CONFIG(tooltip)
        self.codeEdit.setToolTip(QCoreApplication.translate("IndicatorDialog", u"A short code, unique in the dataset: letters, digits and - _ . / with no spaces (at most 24).", None))
#endif // QT_CONFIG(tooltip)
        self.titleLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"What it measures, in plain words", None))
        self.themeLabel.setText(QCoreApplication.translate("IndicatorDialog", u"T&heme:", None))
#if QT_CONFIG(tooltip)
        self.themeCombo.setToolTip(QCoreApplication.translate("IndicatorDialog", u"The theme of the dataset it is reported under (Performance \u25b8 Themes\u2026 to add or rename one)", None))
#endif // QT_CONFIG(tooltip)
        self.ownerLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Owner agency:", None))
#if QT_CONFIG(tooltip)
        self.ownerCombo.setToolTip(QCoreApplication.translate("IndicatorDialog", u"The agency that provides the figure and answers for it", None))
#endif // QT_CONFIG(tooltip)
        self.sourceLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Source:", None))
        self.sourceEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"e.g. Children in need census", None))
        self.definitionLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Definition:", None))
#if QT_CONFIG(tooltip)
        self.definitionEdit.setToolTip(QCoreApplication.translate("IndicatorDialog", u"How it is counted: numerator, denominator, who is included", None))
#endif // QT_CONFIG(tooltip)
        self.tagsLabel.setText(QCoreApplication.translate("IndicatorDialog", u"T&ags:", None))
#if QT_CONFIG(tooltip)
        self.tagsList.setToolTip(QCoreApplication.translate("IndicatorDialog", u"Tick the cross-cutting themes and the partnership's priorities this indicator speaks to (Space ticks)", None))
#endif // QT_CONFIG(tooltip)
        self.unitLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Unit:", None))
        self.unitCombo.setItemText(0, QCoreApplication.translate("IndicatorDialog", u"Number", None))
        self.unitCombo.setItemText(1, QCoreApplication.translate("IndicatorDialog", u"Percentage", None))
        self.unitCombo.setItemText(2, QCoreApplication.translate("IndicatorDialog", u"Rate per 10,000 children", None))
        self.unitCombo.setItemText(3, QCoreApplication.translate("IndicatorDialog", u"Days", None))

        self.directionLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Di&rection:", None))
        self.directionCombo.setItemText(0, QCoreApplication.translate("IndicatorDialog", u"Higher is better", None))
        self.directionCombo.setItemText(1, QCoreApplication.translate("IndicatorDialog", u"Lower is better", None))
        self.directionCombo.setItemText(2, QCoreApplication.translate("IndicatorDialog", u"Neither (context only: no RAG)", None))

#if QT_CONFIG(tooltip)
        self.directionCombo.setToolTip(QCoreApplication.translate("IndicatorDialog", u"Which way is better: decides RAG and whether a change is better or worse", None))
#endif // QT_CONFIG(tooltip)
        self.targetLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Tar&get:", None))
        self.targetEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"no target", None))
#if QT_CONFIG(tooltip)
        self.targetEdit.setToolTip(QCoreApplication.translate("IndicatorDialog", u"The target, in the indicator's unit (a percentage as 85 for 85%). Leave empty for none: the RAG is then grey.", None))
#endif // QT_CONFIG(tooltip)
        self.toleranceLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Tolera&nce:", None))
        self.toleranceEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"0", None))
#if QT_CONFIG(tooltip)
        self.toleranceEdit.setToolTip(QCoreApplication.translate("IndicatorDialog", u"How far short of the target is still amber, in the indicator's unit (percentage points for a percentage)", None))
#endif // QT_CONFIG(tooltip)
        self.bandLabel.setText("")
        self.frequencyLabel.setText(QCoreApplication.translate("IndicatorDialog", u"&Frequency:", None))
        self.frequencyCombo.setItemText(0, QCoreApplication.translate("IndicatorDialog", u"Monthly", None))
        self.frequencyCombo.setItemText(1, QCoreApplication.translate("IndicatorDialog", u"Quarterly", None))
        self.frequencyCombo.setItemText(2, QCoreApplication.translate("IndicatorDialog", u"Annual", None))

#if QT_CONFIG(tooltip)
        self.frequencyCombo.setToolTip(QCoreApplication.translate("IndicatorDialog", u"How often a value is reported. It cannot change once values are entered.", None))
#endif // QT_CONFIG(tooltip)
        self.byAgencyCheck.setText(QCoreApplication.translate("IndicatorDialog", u"&Broken down by agency", None))
#if QT_CONFIG(tooltip)
        self.byAgencyCheck.setToolTip(QCoreApplication.translate("IndicatorDialog", u"Values are also kept for each agency, beside the partnership's total", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

