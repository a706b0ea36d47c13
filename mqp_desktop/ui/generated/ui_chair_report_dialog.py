# Automatically generated - do not edit.
# Source: forms/chair_report_dialog.ui (sha256 01598481e48930343fd36d4a832f61501e1a4d19c10f859320a908ff6695d750)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'chair_report_dialog.ui'
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
    QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_ChairReportDialog(object):
    def setupUi(self, ChairReportDialog):
        if not ChairReportDialog.objectName():
            ChairReportDialog.setObjectName(u"ChairReportDialog")
        ChairReportDialog.resize(980, 620)
        self.mainLayout = QVBoxLayout(ChairReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.kindLabel = QLabel(ChairReportDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.periodLayout.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(ChairReportDialog)
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.setObjectName(u"kindCombo")

        self.periodLayout.addWidget(self.kindCombo)

        self.periodCombo = QComboBox(ChairReportDialog)
        self.periodCombo.setObjectName(u"periodCombo")
        self.periodCombo.setMinimumContentsLength(24)

        self.periodLayout.addWidget(self.periodCombo)

        self.periodSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)


        self.mainLayout.addLayout(self.periodLayout)

        self.splitter = QSplitter(ChairReportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.sectionsPane = QWidget(self.splitter)
        self.sectionsPane.setObjectName(u"sectionsPane")
        self.sectionsLayout = QVBoxLayout(self.sectionsPane)
        self.sectionsLayout.setObjectName(u"sectionsLayout")
        self.sectionsLayout.setContentsMargins(0, 0, 0, 0)
        self.sectionsLabel = QLabel(self.sectionsPane)
        self.sectionsLabel.setObjectName(u"sectionsLabel")
        self.sectionsLabel.setWordWrap(True)

        self.sectionsLayout.addWidget(self.sectionsLabel)

        self.sectionsList = QListWidget(self.sectionsPane)
        self.sectionsList.setObjectName(u"sectionsList")
        self.sectionsList.setDragDropMode(QAbstractItemView.InternalMove)
        self.sectionsList.setDefaultDropAction(Qt.MoveAction)

        self.sectionsLayout.addWidget(self.sectionsList)

        self.moveLayout = QHBoxLayout()
        self.moveLayout.setObjectName(u"moveLayout")
        self.upButton = QPushButton(self.sectionsPane)
        self.upButton.setObjectName(u"upButton")

        self.moveLayout.addWidget(self.upButton)

        self.downButton = QPushButton(self.sectionsPane)
        self.downButton.setObjectName(u"downButton")

        self.moveLayout.addWidget(self.downButton)


        self.sectionsLayout.addLayout(self.moveLayout)

        self.saveSectionsButton = QPushButton(self.sectionsPane)
        self.saveSectionsButton.setObjectName(u"saveSectionsButton")

        self.sectionsLayout.addWidget(self.saveSectionsButton)

        self.splitter.addWidget(self.sectionsPane)
        self.preview = QTextBrowser(self.splitter)
        self.preview.setObjectName(u"preview")
        self.preview.setOpenLinks(False)
        self.splitter.addWidget(self.preview)

        self.mainLayout.addWidget(self.splitter)

        self.recordLayout = QHBoxLayout()
        self.recordLayout.setObjectName(u"recordLayout")
        self.recordCheck = QCheckBox(ChairReportDialog)
        self.recordCheck.setObjectName(u"recordCheck")

        self.recordLayout.addWidget(self.recordCheck)

        self.executiveDate = QDateEdit(ChairReportDialog)
        self.executiveDate.setObjectName(u"executiveDate")
        self.executiveDate.setCalendarPopup(True)

        self.recordLayout.addWidget(self.executiveDate)

        self.recordSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recordLayout.addItem(self.recordSpacer)


        self.mainLayout.addLayout(self.recordLayout)

        self.buttons = QDialogButtonBox(ChairReportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.sectionsLabel.setBuddy(self.sectionsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChairReportDialog)

        QMetaObject.connectSlotsByName(ChairReportDialog)
    # setupUi

    def retranslateUi(self, ChairReportDialog):
        ChairReportDialog.setWindowTitle(QCoreApplication.translate("ChairReportDialog", u"Chair's report to the Executive", None))
        self.kindLabel.setText(QCoreApplication.translate("ChairReportDialog", u"&Report for", None))
        self.kindCombo.setItemText(0, QCoreApplication.translate("ChairReportDialog", u"a quarter (the chair's report)", None))
        self.kindCombo.setItemText(1, QCoreApplication.translate("ChairReportDialog", u"a financial year (the annual report)", None))

#if QT_CONFIG(accessibility)
        self.periodCombo.setAccessibleName(QCoreApplication.translate("ChairReportDialog", u"Period", None))
#endif // QT_CONFIG(accessibility)
        self.sectionsLabel.setText(QCoreApplication.translate("ChairReportDialog", u"&Sections (tick to include; drag or Alt+\u2191/\u2193 to reorder)", None))
        self.upButton.setText(QCoreApplication.translate("ChairReportDialog", u"Move &up", None))
        self.downButton.setText(QCoreApplication.translate("ChairReportDialog", u"Move d&own", None))
        self.saveSectionsButton.setText(QCoreApplication.translate("ChairReportDialog", u"Keep these sections as the &default", None))
#if QT_CONFIG(tooltip)
        self.saveSectionsButton.setToolTip(QCoreApplication.translate("ChairReportDialog", u"Save the sections chosen and their order in the database's settings", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("ChairReportDialog", u"Preview", None))
#endif // QT_CONFIG(accessibility)
        self.recordCheck.setText(QCoreApplication.translate("ChairReportDialog", u"&Record it as a document for the Executive's meeting on", None))
        self.executiveDate.setDisplayFormat(QCoreApplication.translate("ChairReportDialog", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.executiveDate.setAccessibleName(QCoreApplication.translate("ChairReportDialog", u"The Executive's meeting date", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

