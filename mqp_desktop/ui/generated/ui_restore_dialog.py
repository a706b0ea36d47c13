# Automatically generated - do not edit.
# Source: forms/restore_dialog.ui (sha256 236d8488ce7cb33b903c19e32936d108519869aea9aa4ec8e15e2abb0b8dea33)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_RestoreDialog(object):
    def setupUi(self, RestoreDialog):
        if not RestoreDialog.objectName():
            RestoreDialog.setObjectName(u"RestoreDialog")
        RestoreDialog.resize(1000, 520)
        RestoreDialog.setMinimumSize(QSize(640, 360))
        self.mainLayout = QVBoxLayout(RestoreDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(RestoreDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.introLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.introLabel)

        self.backupsTable = QTableView(RestoreDialog)
        self.backupsTable.setObjectName(u"backupsTable")
        self.backupsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backupsTable.setAlternatingRowColors(True)
        self.backupsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsTable.setWordWrap(False)
        self.backupsTable.horizontalHeader().setStretchLastSection(True)
        self.backupsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.backupsTable)

        self.detailsLabel = QLabel(RestoreDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailsLabel)

        self.progressLabel = QLabel(RestoreDialog)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.progressLabel)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.folderButton = QPushButton(RestoreDialog)
        self.folderButton.setObjectName(u"folderButton")
        self.folderButton.setAutoDefault(False)

        self.buttonsRow.addWidget(self.folderButton)

        self.otherFileButton = QPushButton(RestoreDialog)
        self.otherFileButton.setObjectName(u"otherFileButton")
        self.otherFileButton.setAutoDefault(False)

        self.buttonsRow.addWidget(self.otherFileButton)

        self.buttonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.buttonBox = QDialogButtonBox(RestoreDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.buttonsRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonsRow)

        self.mainLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.backupsTable, self.buttonBox)
        QWidget.setTabOrder(self.buttonBox, self.folderButton)
        QWidget.setTabOrder(self.folderButton, self.otherFileButton)

        self.retranslateUi(RestoreDialog)
        self.buttonBox.rejected.connect(RestoreDialog.reject)

        QMetaObject.connectSlotsByName(RestoreDialog)
    # setupUi

    def retranslateUi(self, RestoreDialog):
        RestoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"Restore a backup", None))
        self.introLabel.setText("")
#if QT_CONFIG(tooltip)
        self.backupsTable.setToolTip(QCoreApplication.translate("RestoreDialog", u"The backups of this database, newest first. Choose one and press Restore (or Enter).", None))
#endif // QT_CONFIG(tooltip)
        self.detailsLabel.setText("")
        self.progressLabel.setText("")
        self.folderButton.setText(QCoreApplication.translate("RestoreDialog", u"Show &folder", None))
#if QT_CONFIG(tooltip)
        self.folderButton.setToolTip(QCoreApplication.translate("RestoreDialog", u"Open the backup folder in the file manager", None))
#endif // QT_CONFIG(tooltip)
        self.otherFileButton.setText(QCoreApplication.translate("RestoreDialog", u"Restore &another file\u2026", None))
#if QT_CONFIG(tooltip)
        self.otherFileButton.setToolTip(QCoreApplication.translate("RestoreDialog", u"Restore a backup kept somewhere else (for example one taken with 'mqp backup --to')", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

