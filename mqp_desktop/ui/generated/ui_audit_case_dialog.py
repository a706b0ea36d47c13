# Automatically generated - do not edit.
# Source: forms/audit_case_dialog.ui (sha256 de0fdf2c44dd32c140c0e3ad766876466f4347a25b3fe79cd7b8ac12cf1e066a)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_case_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AuditCaseDialog(object):
    def setupUi(self, AuditCaseDialog):
        if not AuditCaseDialog.objectName():
            AuditCaseDialog.setObjectName(u"AuditCaseDialog")
        AuditCaseDialog.resize(520, 300)
        AuditCaseDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(AuditCaseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AuditCaseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.caseForm = QFormLayout()
        self.caseForm.setObjectName(u"caseForm")
        self.caseForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.referenceLabel = QLabel(AuditCaseDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.caseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.referenceEdit = QLineEdit(AuditCaseDialog)
        self.referenceEdit.setObjectName(u"referenceEdit")
        self.referenceEdit.setMaxLength(40)

        self.caseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.referenceHintSpacer = QLabel(AuditCaseDialog)
        self.referenceHintSpacer.setObjectName(u"referenceHintSpacer")

        self.caseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referenceHintSpacer)

        self.referenceHint = QLabel(AuditCaseDialog)
        self.referenceHint.setObjectName(u"referenceHint")
        self.referenceHint.setWordWrap(True)

        self.caseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.referenceHint)

        self.agencyLabel = QLabel(AuditCaseDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.caseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(AuditCaseDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.caseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.gradeLabel = QLabel(AuditCaseDialog)
        self.gradeLabel.setObjectName(u"gradeLabel")

        self.caseForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.gradeLabel)

        self.gradeCombo = QComboBox(AuditCaseDialog)
        self.gradeCombo.setObjectName(u"gradeCombo")

        self.caseForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.gradeCombo)

        self.notesLabel = QLabel(AuditCaseDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.caseForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(AuditCaseDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 80))

        self.caseForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.caseForm)

        self.errorLabel = QLabel(AuditCaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AuditCaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.referenceLabel.setBuddy(self.referenceEdit)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.gradeLabel.setBuddy(self.gradeCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.referenceEdit, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.gradeCombo)
        QWidget.setTabOrder(self.gradeCombo, self.notesEdit)

        self.retranslateUi(AuditCaseDialog)
        self.buttonBox.accepted.connect(AuditCaseDialog.accept)
        self.buttonBox.rejected.connect(AuditCaseDialog.reject)

        QMetaObject.connectSlotsByName(AuditCaseDialog)
    # setupUi

    def retranslateUi(self, AuditCaseDialog):
        AuditCaseDialog.setWindowTitle(QCoreApplication.translate("AuditCaseDialog", u"Case", None))
        self.introLabel.setText("")
        self.referenceLabel.setText(QCoreApplication.translate("AuditCaseDialog", u"Case &reference:", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("AuditCaseDialog", u"e.g. LCSPR-2024-03 or MAA-17-C4", None))
        self.referenceHintSpacer.setText("")
        self.referenceHint.setText(QCoreApplication.translate("AuditCaseDialog", u"The case's reference from the case record or the audit's list, never a child's name.", None))
        self.agencyLabel.setText(QCoreApplication.translate("AuditCaseDialog", u"&Agency:", None))
#if QT_CONFIG(tooltip)
        self.agencyCombo.setToolTip(QCoreApplication.translate("AuditCaseDialog", u"The agency whose grading this is, or the audit overall", None))
#endif // QT_CONFIG(tooltip)
        self.gradeLabel.setText(QCoreApplication.translate("AuditCaseDialog", u"&Grade:", None))
        self.notesLabel.setText(QCoreApplication.translate("AuditCaseDialog", u"&Notes:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("AuditCaseDialog", u"What the auditor noted (no names)", None))
        self.errorLabel.setText("")
    # retranslateUi

