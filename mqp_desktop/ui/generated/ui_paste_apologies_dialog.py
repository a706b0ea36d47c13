# Automatically generated - do not edit.
# Source: forms/paste_apologies_dialog.ui (sha256 20babb26e1f3e486f2416180bde989ddee9ca946107a0e52a44299f8949d5bb0)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'paste_apologies_dialog.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PasteApologiesDialog(object):
    def setupUi(self, PasteApologiesDialog):
        if not PasteApologiesDialog.objectName():
            PasteApologiesDialog.setObjectName(u"PasteApologiesDialog")
        PasteApologiesDialog.resize(680, 560)
        PasteApologiesDialog.setMinimumSize(QSize(560, 420))
        self.mainLayout = QVBoxLayout(PasteApologiesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PasteApologiesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.pasteEdit = QPlainTextEdit(PasteApologiesDialog)
        self.pasteEdit.setObjectName(u"pasteEdit")
        self.pasteEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.pasteEdit)

        self.resultsRow = QHBoxLayout()
        self.resultsRow.setObjectName(u"resultsRow")
        self.matchedGroup = QGroupBox(PasteApologiesDialog)
        self.matchedGroup.setObjectName(u"matchedGroup")
        self.matchedLayout = QVBoxLayout(self.matchedGroup)
        self.matchedLayout.setObjectName(u"matchedLayout")
        self.matchedList = QListWidget(self.matchedGroup)
        self.matchedList.setObjectName(u"matchedList")

        self.matchedLayout.addWidget(self.matchedList)


        self.resultsRow.addWidget(self.matchedGroup)

        self.unmatchedGroup = QGroupBox(PasteApologiesDialog)
        self.unmatchedGroup.setObjectName(u"unmatchedGroup")
        self.unmatchedLayout = QVBoxLayout(self.unmatchedGroup)
        self.unmatchedLayout.setObjectName(u"unmatchedLayout")
        self.unmatchedList = QListWidget(self.unmatchedGroup)
        self.unmatchedList.setObjectName(u"unmatchedList")

        self.unmatchedLayout.addWidget(self.unmatchedList)


        self.resultsRow.addWidget(self.unmatchedGroup)


        self.mainLayout.addLayout(self.resultsRow)

        self.summaryLabel = QLabel(PasteApologiesDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(PasteApologiesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PasteApologiesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.pasteEdit, self.matchedList)
        QWidget.setTabOrder(self.matchedList, self.unmatchedList)

        self.retranslateUi(PasteApologiesDialog)
        self.buttonBox.accepted.connect(PasteApologiesDialog.accept)
        self.buttonBox.rejected.connect(PasteApologiesDialog.reject)

        QMetaObject.connectSlotsByName(PasteApologiesDialog)
    # setupUi

    def retranslateUi(self, PasteApologiesDialog):
        PasteApologiesDialog.setWindowTitle(QCoreApplication.translate("PasteApologiesDialog", u"Paste apologies", None))
        self.introLabel.setText(QCoreApplication.translate("PasteApologiesDialog", u"Paste the names or email addresses of those who sent apologies, one a line (or separated by ; or ,). Each is matched to a member on this register by full name (titles such as Dr or DI ignored) or email address; nothing is guessed.", None))
        self.pasteEdit.setPlaceholderText(QCoreApplication.translate("PasteApologiesDialog", u"e.g.\n"
"Dr Amara Okafor\n"
"mark.ellison@met.police.uk", None))
        self.matchedGroup.setTitle(QCoreApplication.translate("PasteApologiesDialog", u"Matched: will be marked apologies", None))
        self.unmatchedGroup.setTitle(QCoreApplication.translate("PasteApologiesDialog", u"Not matched: nothing will be recorded", None))
        self.summaryLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

