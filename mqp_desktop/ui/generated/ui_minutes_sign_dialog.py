# Automatically generated - do not edit.
# Source: forms/minutes_sign_dialog.ui (sha256 57bb736ed05a8942a615693da36d458b1dc0c4594b544ef72245d06b0deaa20c)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'minutes_sign_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SignMinutesDialog(object):
    def setupUi(self, SignMinutesDialog):
        if not SignMinutesDialog.objectName():
            SignMinutesDialog.setObjectName(u"SignMinutesDialog")
        SignMinutesDialog.resize(640, 300)
        SignMinutesDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(SignMinutesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SignMinutesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(SignMinutesDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(SignMinutesDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.dateLabel = QLabel(SignMinutesDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(SignMinutesDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.signatureLabel = QLabel(SignMinutesDialog)
        self.signatureLabel.setObjectName(u"signatureLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signatureLabel)

        self.signatureRow = QHBoxLayout()
        self.signatureRow.setObjectName(u"signatureRow")
        self.signatureEdit = QLineEdit(SignMinutesDialog)
        self.signatureEdit.setObjectName(u"signatureEdit")
        self.signatureEdit.setReadOnly(True)

        self.signatureRow.addWidget(self.signatureEdit)

        self.signatureButton = QPushButton(SignMinutesDialog)
        self.signatureButton.setObjectName(u"signatureButton")

        self.signatureRow.addWidget(self.signatureButton)

        self.clearSignatureButton = QPushButton(SignMinutesDialog)
        self.clearSignatureButton.setObjectName(u"clearSignatureButton")

        self.signatureRow.addWidget(self.clearSignatureButton)


        self.fieldsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.signatureRow)

        self.keyLabel = QLabel(SignMinutesDialog)
        self.keyLabel.setObjectName(u"keyLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyRow = QHBoxLayout()
        self.keyRow.setObjectName(u"keyRow")
        self.keyEdit = QLineEdit(SignMinutesDialog)
        self.keyEdit.setObjectName(u"keyEdit")
        self.keyEdit.setReadOnly(True)

        self.keyRow.addWidget(self.keyEdit)

        self.keyButton = QPushButton(SignMinutesDialog)
        self.keyButton.setObjectName(u"keyButton")

        self.keyRow.addWidget(self.keyButton)

        self.clearKeyButton = QPushButton(SignMinutesDialog)
        self.clearKeyButton.setObjectName(u"clearKeyButton")

        self.keyRow.addWidget(self.clearKeyButton)


        self.fieldsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.keyRow)

        self.passphraseLabel = QLabel(SignMinutesDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(SignMinutesDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.keyNoteLabel = QLabel(SignMinutesDialog)
        self.keyNoteLabel.setObjectName(u"keyNoteLabel")
        self.keyNoteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.keyNoteLabel)

        self.errorLabel = QLabel(SignMinutesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SignMinutesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.signatureLabel.setBuddy(self.signatureButton)
        self.keyLabel.setBuddy(self.keyButton)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignMinutesDialog)
        self.buttonBox.accepted.connect(SignMinutesDialog.accept)
        self.buttonBox.rejected.connect(SignMinutesDialog.reject)

        QMetaObject.connectSlotsByName(SignMinutesDialog)
    # setupUi

    def retranslateUi(self, SignMinutesDialog):
        SignMinutesDialog.setWindowTitle(QCoreApplication.translate("SignMinutesDialog", u"Sign off the minutes", None))
        self.introLabel.setText("")
        self.nameLabel.setText(QCoreApplication.translate("SignMinutesDialog", u"Signed by (the &chair):", None))
        self.dateLabel.setText(QCoreApplication.translate("SignMinutesDialog", u"&On:", None))
        self.signatureLabel.setText(QCoreApplication.translate("SignMinutesDialog", u"Signature &image:", None))
        self.signatureEdit.setPlaceholderText(QCoreApplication.translate("SignMinutesDialog", u"none (optional: a PNG of at most 512 KB)", None))
        self.signatureButton.setText(QCoreApplication.translate("SignMinutesDialog", u"Choose\u2026", None))
        self.clearSignatureButton.setText(QCoreApplication.translate("SignMinutesDialog", u"Clear", None))
        self.keyLabel.setText(QCoreApplication.translate("SignMinutesDialog", u"Chair's &key file:", None))
        self.keyEdit.setPlaceholderText(QCoreApplication.translate("SignMinutesDialog", u"none: signed by name only (no cryptographic signature)", None))
        self.keyButton.setText(QCoreApplication.translate("SignMinutesDialog", u"Choose\u2026", None))
        self.clearKeyButton.setText(QCoreApplication.translate("SignMinutesDialog", u"Clear", None))
        self.passphraseLabel.setText(QCoreApplication.translate("SignMinutesDialog", u"Pa&ssphrase:", None))
        self.passphraseEdit.setPlaceholderText(QCoreApplication.translate("SignMinutesDialog", u"the chair types the key's passphrase", None))
        self.keyNoteLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

