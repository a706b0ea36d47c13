# Automatically generated - do not edit.
# Source: forms/s11_frameworks_dialog.ui (sha256 08991ad903f3481f377b46fd3508c6966811dc8978fc26e527d902fe6abc0523)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_frameworks_dialog.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_S11FrameworksDialog(object):
    def setupUi(self, S11FrameworksDialog):
        if not S11FrameworksDialog.objectName():
            S11FrameworksDialog.setObjectName(u"S11FrameworksDialog")
        S11FrameworksDialog.resize(1040, 620)
        self.mainLayout = QVBoxLayout(S11FrameworksDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(S11FrameworksDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.noteLabel)

        self.splitter = QSplitter(S11FrameworksDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.frameworksPane = QWidget(self.splitter)
        self.frameworksPane.setObjectName(u"frameworksPane")
        self.frameworksLayout = QVBoxLayout(self.frameworksPane)
        self.frameworksLayout.setObjectName(u"frameworksLayout")
        self.frameworksLayout.setContentsMargins(0, 0, 0, 0)
        self.frameworksCaption = QLabel(self.frameworksPane)
        self.frameworksCaption.setObjectName(u"frameworksCaption")

        self.frameworksLayout.addWidget(self.frameworksCaption)

        self.frameworksTree = QTreeWidget(self.frameworksPane)
        self.frameworksTree.setObjectName(u"frameworksTree")
        self.frameworksTree.setRootIsDecorated(False)
        self.frameworksTree.setUniformRowHeights(True)
        self.frameworksTree.setWordWrap(True)

        self.frameworksLayout.addWidget(self.frameworksTree)

        self.splitter.addWidget(self.frameworksPane)
        self.standardsPane = QWidget(self.splitter)
        self.standardsPane.setObjectName(u"standardsPane")
        self.standardsLayout = QVBoxLayout(self.standardsPane)
        self.standardsLayout.setObjectName(u"standardsLayout")
        self.standardsLayout.setContentsMargins(0, 0, 0, 0)
        self.standardsCaption = QLabel(self.standardsPane)
        self.standardsCaption.setObjectName(u"standardsCaption")
        self.standardsCaption.setWordWrap(True)

        self.standardsLayout.addWidget(self.standardsCaption)

        self.standardsTree = QTreeWidget(self.standardsPane)
        self.standardsTree.setObjectName(u"standardsTree")
        self.standardsTree.setWordWrap(True)
        self.standardsTree.setAlternatingRowColors(True)

        self.standardsLayout.addWidget(self.standardsTree)

        self.detailLabel = QLabel(self.standardsPane)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.standardsLayout.addWidget(self.detailLabel)

        self.splitter.addWidget(self.standardsPane)

        self.mainLayout.addWidget(self.splitter)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addStandardButton = QPushButton(S11FrameworksDialog)
        self.addStandardButton.setObjectName(u"addStandardButton")

        self.buttonsLayout.addWidget(self.addStandardButton)

        self.editStandardButton = QPushButton(S11FrameworksDialog)
        self.editStandardButton.setObjectName(u"editStandardButton")

        self.buttonsLayout.addWidget(self.editStandardButton)

        self.copyButton = QPushButton(S11FrameworksDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonsLayout.addWidget(self.copyButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.importButton = QPushButton(S11FrameworksDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonsLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(S11FrameworksDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonsLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.statusLabel = QLabel(S11FrameworksDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(S11FrameworksDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.frameworksCaption.setBuddy(self.frameworksTree)
        self.standardsCaption.setBuddy(self.standardsTree)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(S11FrameworksDialog)
        self.buttonBox.rejected.connect(S11FrameworksDialog.reject)

        QMetaObject.connectSlotsByName(S11FrameworksDialog)
    # setupUi

    def retranslateUi(self, S11FrameworksDialog):
        S11FrameworksDialog.setWindowTitle(QCoreApplication.translate("S11FrameworksDialog", u"Section 11 frameworks", None))
        self.noteLabel.setText("")
        self.frameworksCaption.setText(QCoreApplication.translate("S11FrameworksDialog", u"&Frameworks and their versions:", None))
        ___qtreewidgetitem = self.frameworksTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("S11FrameworksDialog", u"Used by", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("S11FrameworksDialog", u"Standards", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("S11FrameworksDialog", u"Version", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("S11FrameworksDialog", u"Framework", None))
        self.standardsCaption.setText(QCoreApplication.translate("S11FrameworksDialog", u"&Standards and sub-criteria:", None))
        ___qtreewidgetitem1 = self.standardsTree.headerItem()
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("S11FrameworksDialog", u"Standard or sub-criterion", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("S11FrameworksDialog", u"No.", None))
        self.detailLabel.setText("")
        self.addStandardButton.setText(QCoreApplication.translate("S11FrameworksDialog", u"&Add standard\u2026", None))
        self.editStandardButton.setText(QCoreApplication.translate("S11FrameworksDialog", u"&Edit standard\u2026", None))
        self.copyButton.setText(QCoreApplication.translate("S11FrameworksDialog", u"&Copy as my own\u2026", None))
        self.importButton.setText(QCoreApplication.translate("S11FrameworksDialog", u"&Import from spreadsheet\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("S11FrameworksDialog", u"E&xport to spreadsheet\u2026", None))
        self.statusLabel.setText("")
    # retranslateUi

