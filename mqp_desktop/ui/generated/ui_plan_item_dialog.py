# Automatically generated - do not edit.
# Source: forms/plan_item_dialog.ui (sha256 173d44423a908edbdbac778b341da5fb890ca416289e353be3cdc2a75f7995b5)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_item_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PlanItemDialog(object):
    def setupUi(self, PlanItemDialog):
        if not PlanItemDialog.objectName():
            PlanItemDialog.setObjectName(u"PlanItemDialog")
        PlanItemDialog.resize(540, 320)
        PlanItemDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(PlanItemDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PlanItemDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.planForm = QFormLayout()
        self.planForm.setObjectName(u"planForm")
        self.planForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.actionLabel = QLabel(PlanItemDialog)
        self.actionLabel.setObjectName(u"actionLabel")

        self.planForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionEdit = QPlainTextEdit(PlanItemDialog)
        self.actionEdit.setObjectName(u"actionEdit")
        self.actionEdit.setTabChangesFocus(True)
        self.actionEdit.setMaximumSize(QSize(16777215, 80))

        self.planForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.actionEdit)

        self.ownerLabel = QLabel(PlanItemDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.planForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(PlanItemDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.planForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.dueLabel = QLabel(PlanItemDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.planForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueRow = QHBoxLayout()
        self.dueRow.setObjectName(u"dueRow")
        self.dueCheck = QCheckBox(PlanItemDialog)
        self.dueCheck.setObjectName(u"dueCheck")

        self.dueRow.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(PlanItemDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.dueRow.addWidget(self.dueEdit)

        self.dueSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueRow.addItem(self.dueSpacer)


        self.planForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.dueRow)

        self.statusLabel = QLabel(PlanItemDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.planForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(PlanItemDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.planForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.closedLabel = QLabel(PlanItemDialog)
        self.closedLabel.setObjectName(u"closedLabel")

        self.planForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.closedLabel)

        self.closedRow = QHBoxLayout()
        self.closedRow.setObjectName(u"closedRow")
        self.closedCheck = QCheckBox(PlanItemDialog)
        self.closedCheck.setObjectName(u"closedCheck")

        self.closedRow.addWidget(self.closedCheck)

        self.closedEdit = QDateEdit(PlanItemDialog)
        self.closedEdit.setObjectName(u"closedEdit")
        self.closedEdit.setCalendarPopup(True)

        self.closedRow.addWidget(self.closedEdit)

        self.closedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.closedRow.addItem(self.closedSpacer)


        self.planForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.closedRow)

        self.notesLabel = QLabel(PlanItemDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.planForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(PlanItemDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.planForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.planForm)

        self.errorLabel = QLabel(PlanItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PlanItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.actionLabel.setBuddy(self.actionEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.dueLabel.setBuddy(self.dueEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.closedLabel.setBuddy(self.closedEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.actionEdit, self.ownerEdit)
        QWidget.setTabOrder(self.ownerEdit, self.dueCheck)
        QWidget.setTabOrder(self.dueCheck, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.closedCheck)
        QWidget.setTabOrder(self.closedCheck, self.closedEdit)
        QWidget.setTabOrder(self.closedEdit, self.notesEdit)

        self.retranslateUi(PlanItemDialog)
        self.buttonBox.accepted.connect(PlanItemDialog.accept)
        self.buttonBox.rejected.connect(PlanItemDialog.reject)

        QMetaObject.connectSlotsByName(PlanItemDialog)
    # setupUi

    def retranslateUi(self, PlanItemDialog):
        PlanItemDialog.setWindowTitle(QCoreApplication.translate("PlanItemDialog", u"Action-plan item", None))
        self.introLabel.setText("")
        self.actionLabel.setText(QCoreApplication.translate("PlanItemDialog", u"&Action:", None))
        self.actionEdit.setPlaceholderText(QCoreApplication.translate("PlanItemDialog", u"What the agency will do", None))
        self.ownerLabel.setText(QCoreApplication.translate("PlanItemDialog", u"&Owner:", None))
        self.ownerEdit.setPlaceholderText(QCoreApplication.translate("PlanItemDialog", u"a post or a name", None))
        self.dueLabel.setText(QCoreApplication.translate("PlanItemDialog", u"&Due by:", None))
        self.dueCheck.setText("")
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("PlanItemDialog", u"dd/MM/yyyy", None))
        self.statusLabel.setText(QCoreApplication.translate("PlanItemDialog", u"&Status:", None))
        self.closedLabel.setText(QCoreApplication.translate("PlanItemDialog", u"Done or dropped &on:", None))
        self.closedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.closedCheck.setToolTip(QCoreApplication.translate("PlanItemDialog", u"The date it was done or dropped", None))
#endif // QT_CONFIG(tooltip)
        self.closedEdit.setDisplayFormat(QCoreApplication.translate("PlanItemDialog", u"dd/MM/yyyy", None))
        self.notesLabel.setText(QCoreApplication.translate("PlanItemDialog", u"&Notes:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("PlanItemDialog", u"Progress; the reason, if dropped", None))
        self.errorLabel.setText("")
    # retranslateUi

