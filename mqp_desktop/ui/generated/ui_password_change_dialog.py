# Automatically generated - do not edit.
# Source: forms/password_change_dialog.ui (sha256 0d2a1b456ab47e49d81ba34a7a95fb15beca9f66528cf0cf51aa79cf0b9f751d)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_change_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PasswordChangeDialog(object):
    def setupUi(self, PasswordChangeDialog):
        if not PasswordChangeDialog.objectName():
            PasswordChangeDialog.setObjectName(u"PasswordChangeDialog")
        PasswordChangeDialog.resize(540, 380)
        PasswordChangeDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(PasswordChangeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(PasswordChangeDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)
        self.explanationLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.explanationLabel)

        self.passwordForm = QFormLayout()
        self.passwordForm.setObjectName(u"passwordForm")
        self.passwordForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.currentLabel = QLabel(PasswordChangeDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.passwordForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentEdit = QLineEdit(PasswordChangeDialog)
        self.currentEdit.setObjectName(u"currentEdit")
        self.currentEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentEdit)

        self.newLabel = QLabel(PasswordChangeDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.passwordForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(PasswordChangeDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.againLabel = QLabel(PasswordChangeDialog)
        self.againLabel.setObjectName(u"againLabel")

        self.passwordForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againEdit = QLineEdit(PasswordChangeDialog)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.againEdit)

        self.showCheck = QCheckBox(PasswordChangeDialog)
        self.showCheck.setObjectName(u"showCheck")

        self.passwordForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.showCheck)


        self.mainLayout.addLayout(self.passwordForm)

        self.warningLabel = QLabel(PasswordChangeDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.warningLabel)

        self.safeCheck = QCheckBox(PasswordChangeDialog)
        self.safeCheck.setObjectName(u"safeCheck")

        self.mainLayout.addWidget(self.safeCheck)

        self.errorLabel = QLabel(PasswordChangeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(PasswordChangeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.currentEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.againLabel.setBuddy(self.againEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.currentEdit, self.newEdit)
        QWidget.setTabOrder(self.newEdit, self.againEdit)
        QWidget.setTabOrder(self.againEdit, self.showCheck)
        QWidget.setTabOrder(self.showCheck, self.safeCheck)
        QWidget.setTabOrder(self.safeCheck, self.buttonBox)

        self.retranslateUi(PasswordChangeDialog)
        self.buttonBox.accepted.connect(PasswordChangeDialog.accept)
        self.buttonBox.rejected.connect(PasswordChangeDialog.reject)

        QMetaObject.connectSlotsByName(PasswordChangeDialog)
    # setupUi

    def retranslateUi(self, PasswordChangeDialog):
        PasswordChangeDialog.setWindowTitle(QCoreApplication.translate("PasswordChangeDialog", u"Encrypt with a password", None))
        self.explanationLabel.setText(QCoreApplication.translate("PasswordChangeDialog", u"What happens.", None))
        self.currentLabel.setText(QCoreApplication.translate("PasswordChangeDialog", u"&Current password:", None))
#if QT_CONFIG(tooltip)
        self.currentEdit.setToolTip(QCoreApplication.translate("PasswordChangeDialog", u"The password the database opens with now.", None))
#endif // QT_CONFIG(tooltip)
        self.newLabel.setText(QCoreApplication.translate("PasswordChangeDialog", u"&New password:", None))
#if QT_CONFIG(tooltip)
        self.newEdit.setToolTip(QCoreApplication.translate("PasswordChangeDialog", u"At least 8 characters. A few words that mean something to the partnership but not to anyone else are easy to remember and hard to guess.", None))
#endif // QT_CONFIG(tooltip)
        self.againLabel.setText(QCoreApplication.translate("PasswordChangeDialog", u"Type it &again:", None))
#if QT_CONFIG(tooltip)
        self.againEdit.setToolTip(QCoreApplication.translate("PasswordChangeDialog", u"The new password once more, to be sure it was typed as meant.", None))
#endif // QT_CONFIG(tooltip)
        self.showCheck.setText(QCoreApplication.translate("PasswordChangeDialog", u"&Show the passwords as I type", None))
        self.warningLabel.setText(QCoreApplication.translate("PasswordChangeDialog", u"A forgotten password cannot be recovered.", None))
        self.safeCheck.setText(QCoreApplication.translate("PasswordChangeDialog", u"I have &kept the password somewhere safe that the partnership controls", None))
        self.errorLabel.setText("")
    # retranslateUi

