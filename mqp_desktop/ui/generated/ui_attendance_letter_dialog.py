# Automatically generated - do not edit.
# Source: forms/attendance_letter_dialog.ui (sha256 4a1e36eabd3a0b6b339e1748b0bd471570ea7449a1067bcd7db4179b670ea2e2)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attendance_letter_dialog.ui'
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

class Ui_AttendanceLetterDialog(object):
    def setupUi(self, AttendanceLetterDialog):
        if not AttendanceLetterDialog.objectName():
            AttendanceLetterDialog.setObjectName(u"AttendanceLetterDialog")
        AttendanceLetterDialog.resize(540, 280)
        AttendanceLetterDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(AttendanceLetterDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AttendanceLetterDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.memberComboLabel = QLabel(AttendanceLetterDialog)
        self.memberComboLabel.setObjectName(u"memberComboLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberComboLabel)

        self.memberCombo = QComboBox(AttendanceLetterDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.sentEditLabel = QLabel(AttendanceLetterDialog)
        self.sentEditLabel.setObjectName(u"sentEditLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sentEditLabel)

        self.sentEdit = QDateEdit(AttendanceLetterDialog)
        self.sentEdit.setObjectName(u"sentEdit")
        self.sentEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sentEdit)

        self.replyEditLabel = QLabel(AttendanceLetterDialog)
        self.replyEditLabel.setObjectName(u"replyEditLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.replyEditLabel)

        self.replyEdit = QDateEdit(AttendanceLetterDialog)
        self.replyEdit.setObjectName(u"replyEdit")
        self.replyEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.replyEdit)

        self.notesEditLabel = QLabel(AttendanceLetterDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(AttendanceLetterDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(AttendanceLetterDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AttendanceLetterDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberComboLabel.setBuddy(self.memberCombo)
        self.sentEditLabel.setBuddy(self.sentEdit)
        self.replyEditLabel.setBuddy(self.replyEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AttendanceLetterDialog)
        self.buttonBox.accepted.connect(AttendanceLetterDialog.accept)
        self.buttonBox.rejected.connect(AttendanceLetterDialog.reject)

        QMetaObject.connectSlotsByName(AttendanceLetterDialog)
    # setupUi

    def retranslateUi(self, AttendanceLetterDialog):
        AttendanceLetterDialog.setWindowTitle(QCoreApplication.translate("AttendanceLetterDialog", u"Attendance letter", None))
        self.introLabel.setText("")
        self.memberComboLabel.setText(QCoreApplication.translate("AttendanceLetterDialog", u"&Member:", None))
        self.sentEditLabel.setText(QCoreApplication.translate("AttendanceLetterDialog", u"&Sent on:", None))
        self.replyEditLabel.setText(QCoreApplication.translate("AttendanceLetterDialog", u"&Reply due:", None))
        self.notesEditLabel.setText(QCoreApplication.translate("AttendanceLetterDialog", u"&Notes:", None))
        self.errorLabel.setText("")
    # retranslateUi

