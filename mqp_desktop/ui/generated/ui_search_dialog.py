# Automatically generated - do not edit.
# Source: forms/search_dialog.ui (sha256 122a0565f9bb2d044e086662954676d279e8f17b5a98b1a085057eed4cc5d469)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'search_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_SearchDialog(object):
    def setupUi(self, SearchDialog):
        if not SearchDialog.objectName():
            SearchDialog.setObjectName(u"SearchDialog")
        SearchDialog.resize(760, 520)
        SearchDialog.setMinimumSize(QSize(480, 320))
        self.mainLayout = QVBoxLayout(SearchDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.queryRow = QHBoxLayout()
        self.queryRow.setObjectName(u"queryRow")
        self.queryLabel = QLabel(SearchDialog)
        self.queryLabel.setObjectName(u"queryLabel")

        self.queryRow.addWidget(self.queryLabel)

        self.queryEdit = QLineEdit(SearchDialog)
        self.queryEdit.setObjectName(u"queryEdit")
        self.queryEdit.setClearButtonEnabled(True)

        self.queryRow.addWidget(self.queryEdit)


        self.mainLayout.addLayout(self.queryRow)

        self.resultsTree = QTreeWidget(SearchDialog)
        self.resultsTree.setObjectName(u"resultsTree")
        self.resultsTree.setRootIsDecorated(True)
        self.resultsTree.setUniformRowHeights(True)
        self.resultsTree.setAlternatingRowColors(True)
        self.resultsTree.setColumnCount(2)

        self.mainLayout.addWidget(self.resultsTree)

        self.previewLabel = QLabel(SearchDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setWordWrap(True)
        self.previewLabel.setTextFormat(Qt.TextFormat.RichText)
        self.previewLabel.setMinimumSize(QSize(0, 40))

        self.mainLayout.addWidget(self.previewLabel)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.statusLabel = QLabel(SearchDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.statusRow.addWidget(self.statusLabel)

        self.rebuildButton = QPushButton(SearchDialog)
        self.rebuildButton.setObjectName(u"rebuildButton")
        self.rebuildButton.setAutoDefault(False)

        self.statusRow.addWidget(self.rebuildButton)

        self.openButton = QPushButton(SearchDialog)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setAutoDefault(False)

        self.statusRow.addWidget(self.openButton)

        self.closeButton = QPushButton(SearchDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.statusRow.addWidget(self.closeButton)

        self.statusRow.setStretch(0, 1)

        self.mainLayout.addLayout(self.statusRow)

#if QT_CONFIG(shortcut)
        self.queryLabel.setBuddy(self.queryEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SearchDialog)
        self.closeButton.clicked.connect(SearchDialog.reject)

        QMetaObject.connectSlotsByName(SearchDialog)
    # setupUi

    def retranslateUi(self, SearchDialog):
        SearchDialog.setWindowTitle(QCoreApplication.translate("SearchDialog", u"Search everything", None))
        self.queryLabel.setText(QCoreApplication.translate("SearchDialog", u"&Find:", None))
        self.queryEdit.setPlaceholderText(QCoreApplication.translate("SearchDialog", u"Words in minutes, decisions, actions, papers, reviews, records\u2026", None))
        ___qtreewidgetitem = self.resultsTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("SearchDialog", u"Where the words are", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("SearchDialog", u"Found", None))
        self.previewLabel.setText("")
        self.statusLabel.setText("")
        self.rebuildButton.setText(QCoreApplication.translate("SearchDialog", u"&Rebuild index", None))
#if QT_CONFIG(tooltip)
        self.rebuildButton.setToolTip(QCoreApplication.translate("SearchDialog", u"Make the search index afresh, reading the text of papers attached before it existed", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("SearchDialog", u"&Open", None))
        self.closeButton.setText(QCoreApplication.translate("SearchDialog", u"Close", None))
    # retranslateUi

