# Automatically generated - do not edit.
# Source: forms/chair_key_create_dialog.ui (sha256 421d8b6110cb20f41f4ed01db23d40be4453d036efc4ab13cf8795304932c35c)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'chair_key_create_dialog.ui'
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
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ChairKeyCreateDialog(object):
    def setupUi(self, ChairKeyCreateDialog):
        if not ChairKeyCreateDialog.objectName():
            ChairKeyCreateDialog.setObjectName(u"ChairKeyCreateDialog")
        ChairKeyCreateDialog.resize(540, 260)
        ChairKeyCreateDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(ChairKeyCreateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChairKeyCreateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(ChairKeyCreateDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ChairKeyCreateDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.passphraseLabel = QLabel(ChairKeyCreateDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(ChairKeyCreateDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.repeatLabel = QLabel(ChairKeyCreateDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(ChairKeyCreateDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.errorLabel = QLabel(ChairKeyCreateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChairKeyCreateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChairKeyCreateDialog)
        self.buttonBox.accepted.connect(ChairKeyCreateDialog.accept)
        self.buttonBox.rejected.connect(ChairKeyCreateDialog.reject)

        QMetaObject.connectSlotsByName(ChairKeyCreateDialog)
    # setupUi

    def retranslateUi(self, ChairKeyCreateDialog):
        ChairKeyCreateDialog.setWindowTitle(QCoreApplication.translate("ChairKeyCreateDialog", u"Create my signing key", None))
        self.introLabel.setText("")
        self.nameLabel.setText(QCoreApplication.translate("ChairKeyCreateDialog", u"Your &name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ChairKeyCreateDialog", u"as it appears on signed minutes", None))
        self.passphraseLabel.setText(QCoreApplication.translate("ChairKeyCreateDialog", u"&Passphrase:", None))
        self.passphraseEdit.setPlaceholderText(QCoreApplication.translate("ChairKeyCreateDialog", u"at least 10 characters: a few words you will remember", None))
        self.repeatLabel.setText(QCoreApplication.translate("ChairKeyCreateDialog", u"&Again:", None))
        self.errorLabel.setText("")
    # retranslateUi

