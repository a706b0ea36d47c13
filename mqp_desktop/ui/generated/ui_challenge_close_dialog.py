# Automatically generated - do not edit.
# Source: forms/challenge_close_dialog.ui (sha256 82913538058d0407c957e714d17aee07ec4af13a9e413779b479d671c97e13c3)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'challenge_close_dialog.ui'
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

class Ui_ChallengeCloseDialog(object):
    def setupUi(self, ChallengeCloseDialog):
        if not ChallengeCloseDialog.objectName():
            ChallengeCloseDialog.setObjectName(u"ChallengeCloseDialog")
        ChallengeCloseDialog.resize(500, 180)
        ChallengeCloseDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(ChallengeCloseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChallengeCloseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(ChallengeCloseDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ChallengeCloseDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reasonLabel = QLabel(ChallengeCloseDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ChallengeCloseDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(ChallengeCloseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChallengeCloseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChallengeCloseDialog)
        self.buttonBox.accepted.connect(ChallengeCloseDialog.accept)
        self.buttonBox.rejected.connect(ChallengeCloseDialog.reject)

        QMetaObject.connectSlotsByName(ChallengeCloseDialog)
    # setupUi

    def retranslateUi(self, ChallengeCloseDialog):
        ChallengeCloseDialog.setWindowTitle(QCoreApplication.translate("ChallengeCloseDialog", u"Close challenge", None))
        self.introLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("ChallengeCloseDialog", u"&Date:", None))
        self.reasonLabel.setText(QCoreApplication.translate("ChallengeCloseDialog", u"&Why:", None))
        self.errorLabel.setText("")
    # retranslateUi

