# Automatically generated - do not edit.
# Source: forms/value_reason_dialog.ui (sha256 8dc2c23bc6ce5c17f10b553636134c086cc522a213a4aad4a58c283b9d6a15a5)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'value_reason_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ValueReasonDialog(object):
    def setupUi(self, ValueReasonDialog):
        if not ValueReasonDialog.objectName():
            ValueReasonDialog.setObjectName(u"ValueReasonDialog")
        ValueReasonDialog.resize(520, 230)
        ValueReasonDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(ValueReasonDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(ValueReasonDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.headingLabel)

        self.explanationLabel = QLabel(ValueReasonDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.reasonForm = QFormLayout()
        self.reasonForm.setObjectName(u"reasonForm")
        self.reasonForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reasonLabel = QLabel(ValueReasonDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(ValueReasonDialog)
        self.reasonCombo.addItem("")
        self.reasonCombo.addItem("")
        self.reasonCombo.addItem("")
        self.reasonCombo.addItem("")
        self.reasonCombo.addItem("")
        self.reasonCombo.setObjectName(u"reasonCombo")
        self.reasonCombo.setEditable(True)
        self.reasonCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.rememberCheck = QCheckBox(ValueReasonDialog)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.reasonForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.rememberCheck)


        self.mainLayout.addLayout(self.reasonForm)

        self.errorLabel = QLabel(ValueReasonDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ValueReasonDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonCombo, self.rememberCheck)
        QWidget.setTabOrder(self.rememberCheck, self.buttonBox)

        self.retranslateUi(ValueReasonDialog)
        self.buttonBox.accepted.connect(ValueReasonDialog.accept)
        self.buttonBox.rejected.connect(ValueReasonDialog.reject)

        QMetaObject.connectSlotsByName(ValueReasonDialog)
    # setupUi

    def retranslateUi(self, ValueReasonDialog):
        ValueReasonDialog.setWindowTitle(QCoreApplication.translate("ValueReasonDialog", u"Why does this value change?", None))
        self.headingLabel.setText("")
        self.explanationLabel.setText(QCoreApplication.translate("ValueReasonDialog", u"A value already entered changes only with a reason: the old value, when, who and why are kept and shown under Revisions.", None))
        self.reasonLabel.setText(QCoreApplication.translate("ValueReasonDialog", u"&Reason:", None))
        self.reasonCombo.setItemText(0, "")
        self.reasonCombo.setItemText(1, QCoreApplication.translate("ValueReasonDialog", u"Revised figures from the agency", None))
        self.reasonCombo.setItemText(2, QCoreApplication.translate("ValueReasonDialog", u"Data validated after the period closed", None))
        self.reasonCombo.setItemText(3, QCoreApplication.translate("ValueReasonDialog", u"Typing error corrected", None))
        self.reasonCombo.setItemText(4, QCoreApplication.translate("ValueReasonDialog", u"Definition applied consistently (recounted)", None))

#if QT_CONFIG(tooltip)
        self.reasonCombo.setToolTip(QCoreApplication.translate("ValueReasonDialog", u"Why the value changes: kept with the old value, the date and your name, and shown under Revisions", None))
#endif // QT_CONFIG(tooltip)
        self.rememberCheck.setText(QCoreApplication.translate("ValueReasonDialog", u"&Use this reason for my other changes in this grid, without asking again", None))
#if QT_CONFIG(tooltip)
        self.rememberCheck.setToolTip(QCoreApplication.translate("ValueReasonDialog", u"Until you leave the values grid or choose other rows; the reason is still kept with each change", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

