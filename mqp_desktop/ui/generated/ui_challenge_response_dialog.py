# Automatically generated - do not edit.
# Source: forms/challenge_response_dialog.ui (sha256 ef8aa91af9cb957f69702bdf07d99f913dbd157352d7ef10fb7295601d4f7018)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'challenge_response_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ChallengeResponseDialog(object):
    def setupUi(self, ChallengeResponseDialog):
        if not ChallengeResponseDialog.objectName():
            ChallengeResponseDialog.setObjectName(u"ChallengeResponseDialog")
        ChallengeResponseDialog.resize(560, 320)
        ChallengeResponseDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(ChallengeResponseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChallengeResponseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.receivedLabel = QLabel(ChallengeResponseDialog)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedEdit = QDateEdit(ChallengeResponseDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.responseLabel = QLabel(ChallengeResponseDialog)
        self.responseLabel.setObjectName(u"responseLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.responseLabel)

        self.responseEdit = QPlainTextEdit(ChallengeResponseDialog)
        self.responseEdit.setObjectName(u"responseEdit")
        self.responseEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.responseEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(ChallengeResponseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChallengeResponseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.receivedLabel.setBuddy(self.receivedEdit)
        self.responseLabel.setBuddy(self.responseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChallengeResponseDialog)
        self.buttonBox.accepted.connect(ChallengeResponseDialog.accept)
        self.buttonBox.rejected.connect(ChallengeResponseDialog.reject)

        QMetaObject.connectSlotsByName(ChallengeResponseDialog)
    # setupUi

    def retranslateUi(self, ChallengeResponseDialog):
        ChallengeResponseDialog.setWindowTitle(QCoreApplication.translate("ChallengeResponseDialog", u"Record response", None))
        self.introLabel.setText("")
        self.receivedLabel.setText(QCoreApplication.translate("ChallengeResponseDialog", u"&Received on:", None))
        self.responseLabel.setText(QCoreApplication.translate("ChallengeResponseDialog", u"Res&ponse:", None))
#if QT_CONFIG(tooltip)
        self.responseEdit.setToolTip(QCoreApplication.translate("ChallengeResponseDialog", u"What the agency said (paste it, or summarise it)", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

