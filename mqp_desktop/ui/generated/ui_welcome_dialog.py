# Automatically generated - do not edit.
# Source: forms/welcome_dialog.ui (sha256 2c2cbed967617b58be0a468179ae0b6ed1a4b89422f6af93cf564f6d04bb2303)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCommandLinkButton, QDialog,
    QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog):
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(WelcomeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(WelcomeDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.mainLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(WelcomeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.templateButton = QCommandLinkButton(WelcomeDialog)
        self.templateButton.setObjectName(u"templateButton")

        self.mainLayout.addWidget(self.templateButton)

        self.blankButton = QCommandLinkButton(WelcomeDialog)
        self.blankButton.setObjectName(u"blankButton")

        self.mainLayout.addWidget(self.blankButton)

        self.demoButton = QCommandLinkButton(WelcomeDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.mainLayout.addWidget(self.demoButton)

        self.openButton = QCommandLinkButton(WelcomeDialog)
        self.openButton.setObjectName(u"openButton")

        self.mainLayout.addWidget(self.openButton)

        self.buttonBox = QDialogButtonBox(WelcomeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(WelcomeDialog)

        QMetaObject.connectSlotsByName(WelcomeDialog)
    # setupUi

    def retranslateUi(self, WelcomeDialog):
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to MQ&P Desktop", None))
        self.headingLabel.setText(QCoreApplication.translate("WelcomeDialog", u"<h2>Welcome to MQ&amp;P Desktop</h2>", None))
        self.introLabel.setText(QCoreApplication.translate("WelcomeDialog", u"The register, meetings, minutes and monitoring of a safeguarding children partnership subcommittee, kept in one file on this computer. How would you like to start? (You can make or open another database at any time from the File menu.)", None))
        self.templateButton.setText(QCoreApplication.translate("WelcomeDialog", u"&Wandsworth's MQ&&P subcommittee", None))
        self.templateButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"The agencies, seats and quorum rule of the Terms of Reference this program was built from; fill in the names of who holds each seat.", None))
        self.blankButton.setText(QCoreApplication.translate("WelcomeDialog", u"A &blank subcommittee", None))
        self.blankButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"Your own name, agencies, members and rules, set in the Subcommittee settings (Ctrl+,).", None))
        self.demoButton.setText(QCoreApplication.translate("WelcomeDialog", u"Look around the &demonstration", None))
        self.demoButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"A separate database of fictional members, meetings and minutes to try things on; nothing of yours is touched.", None))
        self.openButton.setText(QCoreApplication.translate("WelcomeDialog", u"&Open a database file\u2026", None))
        self.openButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"One made before on this or another computer, or a copy from a colleague.", None))
    # retranslateUi

