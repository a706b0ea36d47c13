# Automatically generated - do not edit.
# Source: forms/audit_dialog.ui (sha256 c627cb2a740670775586db1b96c829fd3fe1d7063e45febe8df698106938747f)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_AuditDialog(object):
    def setupUi(self, AuditDialog):
        if not AuditDialog.objectName():
            AuditDialog.setObjectName(u"AuditDialog")
        AuditDialog.resize(620, 460)
        AuditDialog.setMinimumSize(QSize(540, 0))
        self.mainLayout = QVBoxLayout(AuditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AuditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(AuditDialog)
        self.tabs.setObjectName(u"tabs")
        self.auditTab = QWidget()
        self.auditTab.setObjectName(u"auditTab")
        self.auditForm = QFormLayout(self.auditTab)
        self.auditForm.setObjectName(u"auditForm")
        self.auditForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(self.auditTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.auditForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.auditTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.auditForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.kindLabel = QLabel(self.auditTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.auditForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.auditTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.auditForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.themeLabel = QLabel(self.auditTab)
        self.themeLabel.setObjectName(u"themeLabel")

        self.auditForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeEdit = QLineEdit(self.auditTab)
        self.themeEdit.setObjectName(u"themeEdit")

        self.auditForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.themeEdit)

        self.leadLabel = QLabel(self.auditTab)
        self.leadLabel.setObjectName(u"leadLabel")

        self.auditForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadCombo = QComboBox(self.auditTab)
        self.leadCombo.setObjectName(u"leadCombo")

        self.auditForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.plannedLabel = QLabel(self.auditTab)
        self.plannedLabel.setObjectName(u"plannedLabel")

        self.auditForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.plannedLabel)

        self.plannedRow = QHBoxLayout()
        self.plannedRow.setObjectName(u"plannedRow")
        self.plannedCheck = QCheckBox(self.auditTab)
        self.plannedCheck.setObjectName(u"plannedCheck")

        self.plannedRow.addWidget(self.plannedCheck)

        self.plannedEdit = QDateEdit(self.auditTab)
        self.plannedEdit.setObjectName(u"plannedEdit")
        self.plannedEdit.setCalendarPopup(True)

        self.plannedRow.addWidget(self.plannedEdit)

        self.plannedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.plannedRow.addItem(self.plannedSpacer)


        self.auditForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.plannedRow)

        self.startedLabel = QLabel(self.auditTab)
        self.startedLabel.setObjectName(u"startedLabel")

        self.auditForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.startedLabel)

        self.startedRow = QHBoxLayout()
        self.startedRow.setObjectName(u"startedRow")
        self.startedCheck = QCheckBox(self.auditTab)
        self.startedCheck.setObjectName(u"startedCheck")

        self.startedRow.addWidget(self.startedCheck)

        self.startedEdit = QDateEdit(self.auditTab)
        self.startedEdit.setObjectName(u"startedEdit")
        self.startedEdit.setCalendarPopup(True)

        self.startedRow.addWidget(self.startedEdit)

        self.startedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startedRow.addItem(self.startedSpacer)


        self.auditForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.startedRow)

        self.completedLabel = QLabel(self.auditTab)
        self.completedLabel.setObjectName(u"completedLabel")

        self.auditForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.completedLabel)

        self.completedRow = QHBoxLayout()
        self.completedRow.setObjectName(u"completedRow")
        self.completedCheck = QCheckBox(self.auditTab)
        self.completedCheck.setObjectName(u"completedCheck")

        self.completedRow.addWidget(self.completedCheck)

        self.completedEdit = QDateEdit(self.auditTab)
        self.completedEdit.setObjectName(u"completedEdit")
        self.completedEdit.setCalendarPopup(True)

        self.completedRow.addWidget(self.completedEdit)

        self.completedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.completedRow.addItem(self.completedSpacer)


        self.auditForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.completedRow)

        self.reportedLabel = QLabel(self.auditTab)
        self.reportedLabel.setObjectName(u"reportedLabel")

        self.auditForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.reportedLabel)

        self.reportedCombo = QComboBox(self.auditTab)
        self.reportedCombo.setObjectName(u"reportedCombo")

        self.auditForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reportedCombo)

        self.reportedOnLabel = QLabel(self.auditTab)
        self.reportedOnLabel.setObjectName(u"reportedOnLabel")

        self.auditForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.reportedOnLabel)

        self.reportedOnRow = QHBoxLayout()
        self.reportedOnRow.setObjectName(u"reportedOnRow")
        self.reportedOnCheck = QCheckBox(self.auditTab)
        self.reportedOnCheck.setObjectName(u"reportedOnCheck")

        self.reportedOnRow.addWidget(self.reportedOnCheck)

        self.reportedOnEdit = QDateEdit(self.auditTab)
        self.reportedOnEdit.setObjectName(u"reportedOnEdit")
        self.reportedOnEdit.setCalendarPopup(True)

        self.reportedOnRow.addWidget(self.reportedOnEdit)

        self.reportedOnSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reportedOnRow.addItem(self.reportedOnSpacer)


        self.auditForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.reportedOnRow)

        self.tabs.addTab(self.auditTab, "")
        self.agenciesTab = QWidget()
        self.agenciesTab.setObjectName(u"agenciesTab")
        self.agenciesLayout = QVBoxLayout(self.agenciesTab)
        self.agenciesLayout.setObjectName(u"agenciesLayout")
        self.agenciesHint = QLabel(self.agenciesTab)
        self.agenciesHint.setObjectName(u"agenciesHint")
        self.agenciesHint.setWordWrap(True)

        self.agenciesLayout.addWidget(self.agenciesHint)

        self.agenciesList = QListWidget(self.agenciesTab)
        self.agenciesList.setObjectName(u"agenciesList")
        self.agenciesList.setAlternatingRowColors(True)

        self.agenciesLayout.addWidget(self.agenciesList)

        self.tabs.addTab(self.agenciesTab, "")
        self.findingsTab = QWidget()
        self.findingsTab.setObjectName(u"findingsTab")
        self.findingsForm = QFormLayout(self.findingsTab)
        self.findingsForm.setObjectName(u"findingsForm")
        self.findingsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.findingsLabel = QLabel(self.findingsTab)
        self.findingsLabel.setObjectName(u"findingsLabel")

        self.findingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.findingsLabel)

        self.findingsEdit = QPlainTextEdit(self.findingsTab)
        self.findingsEdit.setObjectName(u"findingsEdit")
        self.findingsEdit.setTabChangesFocus(True)

        self.findingsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.findingsEdit)

        self.learningLabel = QLabel(self.findingsTab)
        self.learningLabel.setObjectName(u"learningLabel")

        self.findingsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.learningLabel)

        self.learningEdit = QPlainTextEdit(self.findingsTab)
        self.learningEdit.setObjectName(u"learningEdit")
        self.learningEdit.setTabChangesFocus(True)

        self.findingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.learningEdit)

        self.notesLabel = QLabel(self.findingsTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.findingsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.findingsTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.findingsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.tabs.addTab(self.findingsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(AuditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AuditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.themeLabel.setBuddy(self.themeEdit)
        self.leadLabel.setBuddy(self.leadCombo)
        self.plannedLabel.setBuddy(self.plannedEdit)
        self.startedLabel.setBuddy(self.startedEdit)
        self.completedLabel.setBuddy(self.completedEdit)
        self.reportedLabel.setBuddy(self.reportedCombo)
        self.reportedOnLabel.setBuddy(self.reportedOnEdit)
        self.findingsLabel.setBuddy(self.findingsEdit)
        self.learningLabel.setBuddy(self.learningEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.themeEdit)
        QWidget.setTabOrder(self.themeEdit, self.leadCombo)
        QWidget.setTabOrder(self.leadCombo, self.plannedCheck)
        QWidget.setTabOrder(self.plannedCheck, self.plannedEdit)
        QWidget.setTabOrder(self.plannedEdit, self.startedCheck)
        QWidget.setTabOrder(self.startedCheck, self.startedEdit)
        QWidget.setTabOrder(self.startedEdit, self.completedCheck)
        QWidget.setTabOrder(self.completedCheck, self.completedEdit)
        QWidget.setTabOrder(self.completedEdit, self.reportedCombo)
        QWidget.setTabOrder(self.reportedCombo, self.reportedOnCheck)
        QWidget.setTabOrder(self.reportedOnCheck, self.reportedOnEdit)
        QWidget.setTabOrder(self.reportedOnEdit, self.agenciesList)
        QWidget.setTabOrder(self.agenciesList, self.findingsEdit)
        QWidget.setTabOrder(self.findingsEdit, self.learningEdit)
        QWidget.setTabOrder(self.learningEdit, self.notesEdit)

        self.retranslateUi(AuditDialog)
        self.buttonBox.accepted.connect(AuditDialog.accept)
        self.buttonBox.rejected.connect(AuditDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AuditDialog)
    # setupUi

    def retranslateUi(self, AuditDialog):
        AuditDialog.setWindowTitle(QCoreApplication.translate("AuditDialog", u"Audit", None))
        self.introLabel.setText("")
        self.titleLabel.setText(QCoreApplication.translate("AuditDialog", u"&Title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("AuditDialog", u"e.g. Neglect at the front door", None))
        self.kindLabel.setText(QCoreApplication.translate("AuditDialog", u"&Kind:", None))
        self.themeLabel.setText(QCoreApplication.translate("AuditDialog", u"T&heme:", None))
        self.themeEdit.setPlaceholderText(QCoreApplication.translate("AuditDialog", u"e.g. Neglect; re-referrals", None))
        self.leadLabel.setText(QCoreApplication.translate("AuditDialog", u"&Lead:", None))
#if QT_CONFIG(tooltip)
        self.leadCombo.setToolTip(QCoreApplication.translate("AuditDialog", u"A member, or an agency, leads the audit", None))
#endif // QT_CONFIG(tooltip)
        self.plannedLabel.setText(QCoreApplication.translate("AuditDialog", u"&Planned for:", None))
        self.plannedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.plannedCheck.setToolTip(QCoreApplication.translate("AuditDialog", u"Tick to give the date the audit is planned for", None))
#endif // QT_CONFIG(tooltip)
        self.plannedEdit.setDisplayFormat(QCoreApplication.translate("AuditDialog", u"dd/MM/yyyy", None))
        self.startedLabel.setText(QCoreApplication.translate("AuditDialog", u"&Started:", None))
        self.startedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.startedCheck.setToolTip(QCoreApplication.translate("AuditDialog", u"Tick once the audit has started", None))
#endif // QT_CONFIG(tooltip)
        self.startedEdit.setDisplayFormat(QCoreApplication.translate("AuditDialog", u"dd/MM/yyyy", None))
        self.completedLabel.setText(QCoreApplication.translate("AuditDialog", u"&Completed:", None))
        self.completedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.completedCheck.setToolTip(QCoreApplication.translate("AuditDialog", u"Tick once the audit is complete", None))
#endif // QT_CONFIG(tooltip)
        self.completedEdit.setDisplayFormat(QCoreApplication.translate("AuditDialog", u"dd/MM/yyyy", None))
        self.reportedLabel.setText(QCoreApplication.translate("AuditDialog", u"&Reported to:", None))
#if QT_CONFIG(tooltip)
        self.reportedCombo.setToolTip(QCoreApplication.translate("AuditDialog", u"The meeting the audit was reported to", None))
#endif // QT_CONFIG(tooltip)
        self.reportedOnLabel.setText(QCoreApplication.translate("AuditDialog", u"Reported &on:", None))
        self.reportedOnCheck.setText("")
#if QT_CONFIG(tooltip)
        self.reportedOnCheck.setToolTip(QCoreApplication.translate("AuditDialog", u"The date it was reported (the meeting's, unless it was another day)", None))
#endif // QT_CONFIG(tooltip)
        self.reportedOnEdit.setDisplayFormat(QCoreApplication.translate("AuditDialog", u"dd/MM/yyyy", None))
        self.tabs.setTabText(self.tabs.indexOf(self.auditTab), QCoreApplication.translate("AuditDialog", u"&Audit", None))
        self.agenciesHint.setText(QCoreApplication.translate("AuditDialog", u"Tick the agencies taking part. An agency whose cases are in the audit stays ticked until they are withdrawn.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agenciesTab), QCoreApplication.translate("AuditDialog", u"A&gencies taking part", None))
        self.findingsLabel.setText(QCoreApplication.translate("AuditDialog", u"&Findings:", None))
        self.findingsEdit.setPlaceholderText(QCoreApplication.translate("AuditDialog", u"What the audit found (paragraphs; lines starting '- ' are bullets)", None))
        self.learningLabel.setText(QCoreApplication.translate("AuditDialog", u"L&earning:", None))
        self.learningEdit.setPlaceholderText(QCoreApplication.translate("AuditDialog", u"The learning for the partnership", None))
        self.notesLabel.setText(QCoreApplication.translate("AuditDialog", u"&Notes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.findingsTab), QCoreApplication.translate("AuditDialog", u"&Findings && learning", None))
        self.errorLabel.setText("")
    # retranslateUi

