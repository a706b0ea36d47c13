# Automatically generated - do not edit.
# Source: forms/office_review_dialog.ui (sha256 be21fe4371ba1c5da46747b354d4d840e7acc40fa0a604ad9ee0b030f09df2d8)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_review_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_OfficeReviewDialog(object):
    def setupUi(self, OfficeReviewDialog):
        if not OfficeReviewDialog.objectName():
            OfficeReviewDialog.setObjectName(u"OfficeReviewDialog")
        OfficeReviewDialog.resize(560, 330)
        OfficeReviewDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(OfficeReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OfficeReviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.officeComboLabel = QLabel(OfficeReviewDialog)
        self.officeComboLabel.setObjectName(u"officeComboLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officeComboLabel)

        self.officeCombo = QComboBox(OfficeReviewDialog)
        self.officeCombo.setObjectName(u"officeCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officeCombo)

        self.holderLabelLabel = QLabel(OfficeReviewDialog)
        self.holderLabelLabel.setObjectName(u"holderLabelLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.holderLabelLabel)

        self.holderLabel = QLabel(OfficeReviewDialog)
        self.holderLabel.setObjectName(u"holderLabel")
        self.holderLabel.setWordWrap(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.holderLabel)

        self.meetingComboLabel = QLabel(OfficeReviewDialog)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(OfficeReviewDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.dateEditLabel = QLabel(OfficeReviewDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = QDateEdit(OfficeReviewDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.outcomeComboLabel = QLabel(OfficeReviewDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(OfficeReviewDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.noteEditLabel = QLabel(OfficeReviewDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(OfficeReviewDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 70))

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.nextEditLabel = QLabel(OfficeReviewDialog)
        self.nextEditLabel.setObjectName(u"nextEditLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nextEditLabel)

        self.nextEdit = QDateEdit(OfficeReviewDialog)
        self.nextEdit.setObjectName(u"nextEdit")
        self.nextEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nextEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(OfficeReviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OfficeReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.officeComboLabel.setBuddy(self.officeCombo)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.noteEditLabel.setBuddy(self.noteEdit)
        self.nextEditLabel.setBuddy(self.nextEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficeReviewDialog)
        self.buttonBox.accepted.connect(OfficeReviewDialog.accept)
        self.buttonBox.rejected.connect(OfficeReviewDialog.reject)

        QMetaObject.connectSlotsByName(OfficeReviewDialog)
    # setupUi

    def retranslateUi(self, OfficeReviewDialog):
        OfficeReviewDialog.setWindowTitle(QCoreApplication.translate("OfficeReviewDialog", u"Review of chairing", None))
        self.introLabel.setText("")
        self.officeComboLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"O&ffice:", None))
        self.holderLabelLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"Held by:", None))
        self.holderLabel.setText("")
        self.meetingComboLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"Reviewed &at:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"&Date:", None))
        self.outcomeComboLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"O&utcome:", None))
        self.noteEditLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"&Note:", None))
        self.nextEditLabel.setText(QCoreApplication.translate("OfficeReviewDialog", u"&Next review due:", None))
        self.errorLabel.setText("")
    # retranslateUi

