# Automatically generated - do not edit.
# Source: forms/agenda_sign_off_dialog.ui (sha256 f6ed0799bc76d5c1de4f5293397c0ea76ab5c3742b17b9a514326ddf9463418b)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_sign_off_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SignOffDialog(object):
    def setupUi(self, SignOffDialog):
        if not SignOffDialog.objectName():
            SignOffDialog.setObjectName(u"SignOffDialog")
        SignOffDialog.resize(460, 200)
        SignOffDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(SignOffDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SignOffDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.signOffForm = QFormLayout()
        self.signOffForm.setObjectName(u"signOffForm")
        self.signOffForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.byLabel = QLabel(SignOffDialog)
        self.byLabel.setObjectName(u"byLabel")

        self.signOffForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byEdit = QLineEdit(SignOffDialog)
        self.byEdit.setObjectName(u"byEdit")

        self.signOffForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.byEdit)

        self.dateLabel = QLabel(SignOffDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.signOffForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(SignOffDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.signOffForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.signOffForm)

        self.errorLabel = QLabel(SignOffDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SignOffDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.byLabel.setBuddy(self.byEdit)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignOffDialog)
        self.buttonBox.accepted.connect(SignOffDialog.accept)
        self.buttonBox.rejected.connect(SignOffDialog.reject)

        QMetaObject.connectSlotsByName(SignOffDialog)
    # setupUi

    def retranslateUi(self, SignOffDialog):
        SignOffDialog.setWindowTitle(QCoreApplication.translate("SignOffDialog", u"Record sign-off", None))
        self.introLabel.setText("")
        self.byLabel.setText(QCoreApplication.translate("SignOffDialog", u"Signed off &by:", None))
        self.byEdit.setPlaceholderText(QCoreApplication.translate("SignOffDialog", u"The senior manager's name and post", None))
        self.dateLabel.setText(QCoreApplication.translate("SignOffDialog", u"&On:", None))
        self.errorLabel.setText("")
    # retranslateUi

