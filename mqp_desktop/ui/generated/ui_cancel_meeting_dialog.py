# Automatically generated - do not edit.
# Source: forms/cancel_meeting_dialog.ui (sha256 3c79341aba6db324629c6079aba3b05436a84e22043963c47c317a151e1c88d4)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cancel_meeting_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CancelMeetingDialog(object):
    def setupUi(self, CancelMeetingDialog):
        if not CancelMeetingDialog.objectName():
            CancelMeetingDialog.setObjectName(u"CancelMeetingDialog")
        CancelMeetingDialog.resize(460, 180)
        CancelMeetingDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(CancelMeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(CancelMeetingDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.cancelForm = QFormLayout()
        self.cancelForm.setObjectName(u"cancelForm")
        self.cancelForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reasonLabel = QLabel(CancelMeetingDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.cancelForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(CancelMeetingDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.cancelForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.cancelForm)

        self.errorLabel = QLabel(CancelMeetingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CancelMeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CancelMeetingDialog)
        self.buttonBox.accepted.connect(CancelMeetingDialog.accept)
        self.buttonBox.rejected.connect(CancelMeetingDialog.reject)

        QMetaObject.connectSlotsByName(CancelMeetingDialog)
    # setupUi

    def retranslateUi(self, CancelMeetingDialog):
        CancelMeetingDialog.setWindowTitle(QCoreApplication.translate("CancelMeetingDialog", u"Cancel meeting", None))
        self.explanationLabel.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("CancelMeetingDialog", u"&Reason:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("CancelMeetingDialog", u"e.g. clashed with the Executive's development day", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("CancelMeetingDialog", u"Why the meeting is cancelled; kept in the meeting's notes and the change history.", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

