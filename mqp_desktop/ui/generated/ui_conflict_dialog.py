# Automatically generated - do not edit.
# Source: forms/conflict_dialog.ui (sha256 bc5d9923e1a2071c2fa889ca02d64eae34df4fb9fc79e7687088382c9a912de4)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
    QHeaderView, QLabel, QPlainTextEdit, QSizePolicy,
    QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.resize(760, 520)
        ConflictDialog.setMinimumSize(QSize(520, 360))
        self.mainLayout = QVBoxLayout(ConflictDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(ConflictDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.RichText)
        self.headingLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.headingLabel)

        self.splitter = QSplitter(ConflictDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.differencesTree = QTreeWidget(self.splitter)
        self.differencesTree.setObjectName(u"differencesTree")
        self.differencesTree.setRootIsDecorated(False)
        self.differencesTree.setUniformRowHeights(True)
        self.differencesTree.setAlternatingRowColors(True)
        self.differencesTree.setWordWrap(False)
        self.splitter.addWidget(self.differencesTree)
        self.yoursPanel = QWidget(self.splitter)
        self.yoursPanel.setObjectName(u"yoursPanel")
        self.yoursLayout = QVBoxLayout(self.yoursPanel)
        self.yoursLayout.setObjectName(u"yoursLayout")
        self.yoursLayout.setContentsMargins(0, 0, 0, 0)
        self.yoursLabel = QLabel(self.yoursPanel)
        self.yoursLabel.setObjectName(u"yoursLabel")

        self.yoursLayout.addWidget(self.yoursLabel)

        self.yoursText = QPlainTextEdit(self.yoursPanel)
        self.yoursText.setObjectName(u"yoursText")
        self.yoursText.setReadOnly(True)

        self.yoursLayout.addWidget(self.yoursText)

        self.splitter.addWidget(self.yoursPanel)

        self.mainLayout.addWidget(self.splitter)

        self.choicesLabel = QLabel(ConflictDialog)
        self.choicesLabel.setObjectName(u"choicesLabel")
        self.choicesLabel.setWordWrap(True)
        self.choicesLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.choicesLabel)

        self.buttonBox = QDialogButtonBox(ConflictDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yoursLabel.setBuddy(self.yoursText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.differencesTree, self.yoursText)
        QWidget.setTabOrder(self.yoursText, self.buttonBox)

        self.retranslateUi(ConflictDialog)
        self.buttonBox.rejected.connect(ConflictDialog.reject)

        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Changed by someone else", None))
        self.headingLabel.setText("")
        ___qtreewidgetitem = self.differencesTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ConflictDialog", u"Changed by", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ConflictDialog", u"Stored now", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ConflictDialog", u"Yours (not saved)", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ConflictDialog", u"Field", None))
#if QT_CONFIG(tooltip)
        self.differencesTree.setToolTip(QCoreApplication.translate("ConflictDialog", u"Each field that differs: what you meant to save, what is stored now, and who changed it when", None))
#endif // QT_CONFIG(tooltip)
        self.yoursLabel.setText(QCoreApplication.translate("ConflictDialog", u"Your version, &to copy what you need (it was not saved):", None))
#if QT_CONFIG(tooltip)
        self.yoursText.setToolTip(QCoreApplication.translate("ConflictDialog", u"What you typed, field by field: select and copy (Ctrl+C) anything you want to keep", None))
#endif // QT_CONFIG(tooltip)
        self.choicesLabel.setText("")
    # retranslateUi

