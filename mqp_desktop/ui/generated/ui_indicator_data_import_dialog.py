# Automatically generated - do not edit.
# Source: forms/indicator_data_import_dialog.ui (sha256 46d80b50aebbb63d8b618c081d86291d52eb0abf1a4c779ea6b2ce390ca44bd4)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_data_import_dialog.ui'
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
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_IndicatorDataImportDialog(object):
    def setupUi(self, IndicatorDataImportDialog):
        if not IndicatorDataImportDialog.objectName():
            IndicatorDataImportDialog.setObjectName(u"IndicatorDataImportDialog")
        IndicatorDataImportDialog.resize(1000, 600)
        IndicatorDataImportDialog.setMinimumSize(QSize(600, 380))
        self.mainLayout = QVBoxLayout(IndicatorDataImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(IndicatorDataImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.layoutLabel = QLabel(IndicatorDataImportDialog)
        self.layoutLabel.setObjectName(u"layoutLabel")
        self.layoutLabel.setWordWrap(True)
        self.layoutLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.layoutLabel)

        self.encodingLayout = QHBoxLayout()
        self.encodingLayout.setObjectName(u"encodingLayout")
        self.encodingLabel = QLabel(IndicatorDataImportDialog)
        self.encodingLabel.setObjectName(u"encodingLabel")

        self.encodingLayout.addWidget(self.encodingLabel)

        self.encodingCombo = QComboBox(IndicatorDataImportDialog)
        self.encodingCombo.setObjectName(u"encodingCombo")

        self.encodingLayout.addWidget(self.encodingCombo)

        self.encodingSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.encodingLayout.addItem(self.encodingSpacer)


        self.mainLayout.addLayout(self.encodingLayout)

        self.encodingNoteLabel = QLabel(IndicatorDataImportDialog)
        self.encodingNoteLabel.setObjectName(u"encodingNoteLabel")
        self.encodingNoteLabel.setWordWrap(True)
        self.encodingNoteLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.encodingNoteLabel)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.showLabel = QLabel(IndicatorDataImportDialog)
        self.showLabel.setObjectName(u"showLabel")

        self.filterLayout.addWidget(self.showLabel)

        self.showCombo = QComboBox(IndicatorDataImportDialog)
        self.showCombo.setObjectName(u"showCombo")

        self.filterLayout.addWidget(self.showCombo)

        self.filterSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.shownLabel = QLabel(IndicatorDataImportDialog)
        self.shownLabel.setObjectName(u"shownLabel")

        self.filterLayout.addWidget(self.shownLabel)


        self.mainLayout.addLayout(self.filterLayout)

        self.cellsView = QTableView(IndicatorDataImportDialog)
        self.cellsView.setObjectName(u"cellsView")
        self.cellsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cellsView.setAlternatingRowColors(True)
        self.cellsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cellsView.setSortingEnabled(True)
        self.cellsView.setWordWrap(False)

        self.mainLayout.addWidget(self.cellsView)

        self.reasonLayout = QHBoxLayout()
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.reasonLabel = QLabel(IndicatorDataImportDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.reasonLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QLineEdit(IndicatorDataImportDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.reasonLayout.addWidget(self.reasonEdit)


        self.mainLayout.addLayout(self.reasonLayout)

        self.skipRejectedCheck = QCheckBox(IndicatorDataImportDialog)
        self.skipRejectedCheck.setObjectName(u"skipRejectedCheck")

        self.mainLayout.addWidget(self.skipRejectedCheck)

        self.errorLabel = QLabel(IndicatorDataImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(IndicatorDataImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.encodingLabel.setBuddy(self.encodingCombo)
        self.showLabel.setBuddy(self.showCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.encodingCombo, self.showCombo)
        QWidget.setTabOrder(self.showCombo, self.cellsView)
        QWidget.setTabOrder(self.cellsView, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.skipRejectedCheck)
        QWidget.setTabOrder(self.skipRejectedCheck, self.buttonBox)

        self.retranslateUi(IndicatorDataImportDialog)
        self.buttonBox.accepted.connect(IndicatorDataImportDialog.accept)
        self.buttonBox.rejected.connect(IndicatorDataImportDialog.reject)

        QMetaObject.connectSlotsByName(IndicatorDataImportDialog)
    # setupUi

    def retranslateUi(self, IndicatorDataImportDialog):
        IndicatorDataImportDialog.setWindowTitle(QCoreApplication.translate("IndicatorDataImportDialog", u"Import indicator data", None))
        self.summaryLabel.setText("")
        self.layoutLabel.setText("")
        self.encodingLabel.setText(QCoreApplication.translate("IndicatorDataImportDialog", u"Read &as:", None))
#if QT_CONFIG(tooltip)
        self.encodingCombo.setToolTip(QCoreApplication.translate("IndicatorDataImportDialog", u"The encoding the CSV file was saved in. If accented letters look wrong, choose another: the file is read again.", None))
#endif // QT_CONFIG(tooltip)
        self.encodingNoteLabel.setText("")
        self.showLabel.setText(QCoreApplication.translate("IndicatorDataImportDialog", u"S&how:", None))
#if QT_CONFIG(tooltip)
        self.showCombo.setToolTip(QCoreApplication.translate("IndicatorDataImportDialog", u"Which cells the table lists (Ctrl+R: the rejected cells only)", None))
#endif // QT_CONFIG(tooltip)
        self.shownLabel.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("IndicatorDataImportDialog", u"&Reason for the revisions:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDataImportDialog", u"e.g. Revised figures from the agency's return", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("IndicatorDataImportDialog", u"Why values already entered change. It is kept with each revision, with the old value, the date and who imported it. A Reason column in the file gives a row's own reason.", None))
#endif // QT_CONFIG(tooltip)
        self.skipRejectedCheck.setText(QCoreApplication.translate("IndicatorDataImportDialog", u"Import the &rest, leaving the rejected cells out", None))
#if QT_CONFIG(tooltip)
        self.skipRejectedCheck.setToolTip(QCoreApplication.translate("IndicatorDataImportDialog", u"Import the other cells and leave the rejected ones out. Correct them in the file and import it again later.", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

