# Automatically generated - do not edit.
# Source: forms/import_preview_dialog.ui (sha256 508614ff17c99664721d27a508ffa3a3e1f722b82edb0ff27456138bd287fd28)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(900, 520)
        ImportPreviewDialog.setMinimumSize(QSize(760, 420))
        self.mainLayout = QVBoxLayout(ImportPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(ImportPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.encodingLayout = QHBoxLayout()
        self.encodingLayout.setObjectName(u"encodingLayout")
        self.encodingLabel = QLabel(ImportPreviewDialog)
        self.encodingLabel.setObjectName(u"encodingLabel")

        self.encodingLayout.addWidget(self.encodingLabel)

        self.encodingCombo = QComboBox(ImportPreviewDialog)
        self.encodingCombo.setObjectName(u"encodingCombo")

        self.encodingLayout.addWidget(self.encodingCombo)

        self.encodingSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.encodingLayout.addItem(self.encodingSpacer)


        self.mainLayout.addLayout(self.encodingLayout)

        self.encodingNoteLabel = QLabel(ImportPreviewDialog)
        self.encodingNoteLabel.setObjectName(u"encodingNoteLabel")
        self.encodingNoteLabel.setWordWrap(True)
        self.encodingNoteLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.encodingNoteLabel)

        self.rowsView = QTableView(ImportPreviewDialog)
        self.rowsView.setObjectName(u"rowsView")
        self.rowsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rowsView.setAlternatingRowColors(True)
        self.rowsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rowsView.setSortingEnabled(True)
        self.rowsView.setWordWrap(False)

        self.mainLayout.addWidget(self.rowsView)

        self.skipRejectedCheck = QCheckBox(ImportPreviewDialog)
        self.skipRejectedCheck.setObjectName(u"skipRejectedCheck")

        self.mainLayout.addWidget(self.skipRejectedCheck)

        self.errorLabel = QLabel(ImportPreviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.encodingLabel.setBuddy(self.encodingCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.encodingCombo, self.rowsView)
        QWidget.setTabOrder(self.rowsView, self.skipRejectedCheck)
        QWidget.setTabOrder(self.skipRejectedCheck, self.buttonBox)

        self.retranslateUi(ImportPreviewDialog)
        self.buttonBox.accepted.connect(ImportPreviewDialog.accept)
        self.buttonBox.rejected.connect(ImportPreviewDialog.reject)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"Import preview", None))
        self.summaryLabel.setText("")
        self.encodingLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"Read &as:", None))
#if QT_CONFIG(tooltip)
        self.encodingCombo.setToolTip(QCoreApplication.translate("ImportPreviewDialog", u"The encoding the CSV file was saved in. If accented names look wrong, choose another: the file is read again.", None))
#endif // QT_CONFIG(tooltip)
        self.encodingNoteLabel.setText("")
        self.skipRejectedCheck.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Skip the rejected rows", None))
#if QT_CONFIG(tooltip)
        self.skipRejectedCheck.setToolTip(QCoreApplication.translate("ImportPreviewDialog", u"Import the other rows and leave the rejected ones out. Correct them in the file and import it again later.", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

