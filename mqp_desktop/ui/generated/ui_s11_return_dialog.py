# Automatically generated - do not edit.
# Source: forms/s11_return_dialog.ui (sha256 ea8673e7d23e93536f6eb5399323b83a1b8c37eda72ede6577da70f0099b0ca7)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_return_dialog.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QTableView, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_S11ReturnDialog(object):
    def setupUi(self, S11ReturnDialog):
        if not S11ReturnDialog.objectName():
            S11ReturnDialog.setObjectName(u"S11ReturnDialog")
        S11ReturnDialog.resize(900, 640)
        self.mainLayout = QVBoxLayout(S11ReturnDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(S11ReturnDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.headerLabel)

        self.tabs = QTabWidget(S11ReturnDialog)
        self.tabs.setObjectName(u"tabs")
        self.returnTab = QWidget()
        self.returnTab.setObjectName(u"returnTab")
        self.returnTabLayout = QVBoxLayout(self.returnTab)
        self.returnTabLayout.setObjectName(u"returnTabLayout")
        self.returnForm = QFormLayout()
        self.returnForm.setObjectName(u"returnForm")
        self.returnForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.issuedLabel = QLabel(self.returnTab)
        self.issuedLabel.setObjectName(u"issuedLabel")

        self.returnForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.issuedLabel)

        self.issuedEditRow = QHBoxLayout()
        self.issuedEditRow.setObjectName(u"issuedEditRow")
        self.issuedCheck = QCheckBox(self.returnTab)
        self.issuedCheck.setObjectName(u"issuedCheck")

        self.issuedEditRow.addWidget(self.issuedCheck)

        self.issuedEdit = QDateEdit(self.returnTab)
        self.issuedEdit.setObjectName(u"issuedEdit")
        self.issuedEdit.setCalendarPopup(True)

        self.issuedEditRow.addWidget(self.issuedEdit)

        self.issuedEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.issuedEditRow.addItem(self.issuedEditSpacer)


        self.returnForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.issuedEditRow)

        self.deadlineCaption = QLabel(self.returnTab)
        self.deadlineCaption.setObjectName(u"deadlineCaption")

        self.returnForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deadlineCaption)

        self.deadlineLabel = QLabel(self.returnTab)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.returnForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deadlineLabel)

        self.remindersLabel = QLabel(self.returnTab)
        self.remindersLabel.setObjectName(u"remindersLabel")

        self.returnForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.remindersLabel)

        self.remindersBox = QVBoxLayout()
        self.remindersBox.setObjectName(u"remindersBox")
        self.reminderList = QListWidget(self.returnTab)
        self.reminderList.setObjectName(u"reminderList")
        self.reminderList.setMaximumSize(QSize(16777215, 80))

        self.remindersBox.addWidget(self.reminderList)

        self.reminderRow = QHBoxLayout()
        self.reminderRow.setObjectName(u"reminderRow")
        self.reminderDateEdit = QDateEdit(self.returnTab)
        self.reminderDateEdit.setObjectName(u"reminderDateEdit")
        self.reminderDateEdit.setCalendarPopup(True)

        self.reminderRow.addWidget(self.reminderDateEdit)

        self.reminderNoteEdit = QLineEdit(self.returnTab)
        self.reminderNoteEdit.setObjectName(u"reminderNoteEdit")

        self.reminderRow.addWidget(self.reminderNoteEdit)

        self.addReminderButton = QPushButton(self.returnTab)
        self.addReminderButton.setObjectName(u"addReminderButton")

        self.reminderRow.addWidget(self.addReminderButton)


        self.remindersBox.addLayout(self.reminderRow)


        self.returnForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.remindersBox)

        self.receivedLabel = QLabel(self.returnTab)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.returnForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedEditRow = QHBoxLayout()
        self.receivedEditRow.setObjectName(u"receivedEditRow")
        self.receivedCheck = QCheckBox(self.returnTab)
        self.receivedCheck.setObjectName(u"receivedCheck")

        self.receivedEditRow.addWidget(self.receivedCheck)

        self.receivedEdit = QDateEdit(self.returnTab)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.receivedEditRow.addWidget(self.receivedEdit)

        self.receivedEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.receivedEditRow.addItem(self.receivedEditSpacer)


        self.returnForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.receivedEditRow)

        self.reviewedLabel = QLabel(self.returnTab)
        self.reviewedLabel.setObjectName(u"reviewedLabel")

        self.returnForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reviewedLabel)

        self.reviewedEditRow = QHBoxLayout()
        self.reviewedEditRow.setObjectName(u"reviewedEditRow")
        self.reviewedCheck = QCheckBox(self.returnTab)
        self.reviewedCheck.setObjectName(u"reviewedCheck")

        self.reviewedEditRow.addWidget(self.reviewedCheck)

        self.reviewedEdit = QDateEdit(self.returnTab)
        self.reviewedEdit.setObjectName(u"reviewedEdit")
        self.reviewedEdit.setCalendarPopup(True)

        self.reviewedEditRow.addWidget(self.reviewedEdit)

        self.reviewedEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewedEditRow.addItem(self.reviewedEditSpacer)


        self.returnForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.reviewedEditRow)

        self.leadLabel = QLabel(self.returnTab)
        self.leadLabel.setObjectName(u"leadLabel")

        self.returnForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadRow = QHBoxLayout()
        self.leadRow.setObjectName(u"leadRow")
        self.leadNameEdit = QLineEdit(self.returnTab)
        self.leadNameEdit.setObjectName(u"leadNameEdit")

        self.leadRow.addWidget(self.leadNameEdit)

        self.leadEmailEdit = QLineEdit(self.returnTab)
        self.leadEmailEdit.setObjectName(u"leadEmailEdit")

        self.leadRow.addWidget(self.leadEmailEdit)


        self.returnForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.leadRow)

        self.substituteLabel = QLabel(self.returnTab)
        self.substituteLabel.setObjectName(u"substituteLabel")

        self.returnForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.substituteLabel)

        self.substituteRow = QHBoxLayout()
        self.substituteRow.setObjectName(u"substituteRow")
        self.substituteNameEdit = QLineEdit(self.returnTab)
        self.substituteNameEdit.setObjectName(u"substituteNameEdit")

        self.substituteRow.addWidget(self.substituteNameEdit)

        self.substituteEmailEdit = QLineEdit(self.returnTab)
        self.substituteEmailEdit.setObjectName(u"substituteEmailEdit")

        self.substituteRow.addWidget(self.substituteEmailEdit)


        self.returnForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.substituteRow)

        self.outcomeLabel = QLabel(self.returnTab)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.returnForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeEdit = QLineEdit(self.returnTab)
        self.outcomeEdit.setObjectName(u"outcomeEdit")

        self.returnForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.outcomeEdit)

        self.notesLabel = QLabel(self.returnTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.returnForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.returnTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.returnForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.returnTabLayout.addLayout(self.returnForm)

        self.tabs.addTab(self.returnTab, "")
        self.ratingsTab = QWidget()
        self.ratingsTab.setObjectName(u"ratingsTab")
        self.ratingsTabLayout = QVBoxLayout(self.ratingsTab)
        self.ratingsTabLayout.setObjectName(u"ratingsTabLayout")
        self.ratingsSplitter = QSplitter(self.ratingsTab)
        self.ratingsSplitter.setObjectName(u"ratingsSplitter")
        self.ratingsSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.itemsTree = QTreeWidget(self.ratingsSplitter)
        self.itemsTree.setObjectName(u"itemsTree")
        self.itemsTree.setMinimumSize(QSize(260, 0))
        self.itemsTree.setRootIsDecorated(True)
        self.itemsTree.setUniformRowHeights(True)
        self.ratingsSplitter.addWidget(self.itemsTree)
        self.ratingPane = QWidget(self.ratingsSplitter)
        self.ratingPane.setObjectName(u"ratingPane")
        self.ratingPaneLayout = QVBoxLayout(self.ratingPane)
        self.ratingPaneLayout.setObjectName(u"ratingPaneLayout")
        self.ratingPaneLayout.setContentsMargins(0, 0, 0, 0)
        self.itemTitleLabel = QLabel(self.ratingPane)
        self.itemTitleLabel.setObjectName(u"itemTitleLabel")
        self.itemTitleLabel.setWordWrap(True)

        self.ratingPaneLayout.addWidget(self.itemTitleLabel)

        self.itemTextLabel = QLabel(self.ratingPane)
        self.itemTextLabel.setObjectName(u"itemTextLabel")
        self.itemTextLabel.setWordWrap(True)

        self.ratingPaneLayout.addWidget(self.itemTextLabel)

        self.ratingForm = QFormLayout()
        self.ratingForm.setObjectName(u"ratingForm")
        self.ratingForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.selfLabel = QLabel(self.ratingPane)
        self.selfLabel.setObjectName(u"selfLabel")

        self.ratingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.selfLabel)

        self.selfCombo = QComboBox(self.ratingPane)
        self.selfCombo.setObjectName(u"selfCombo")

        self.ratingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.selfCombo)

        self.selfReasonLabel = QLabel(self.ratingPane)
        self.selfReasonLabel.setObjectName(u"selfReasonLabel")

        self.ratingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.selfReasonLabel)

        self.selfReasonEdit = QLineEdit(self.ratingPane)
        self.selfReasonEdit.setObjectName(u"selfReasonEdit")

        self.ratingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.selfReasonEdit)

        self.evidenceLabel = QLabel(self.ratingPane)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.ratingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceEdit = QPlainTextEdit(self.ratingPane)
        self.evidenceEdit.setObjectName(u"evidenceEdit")
        self.evidenceEdit.setMaximumSize(QSize(16777215, 90))

        self.ratingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.evidenceEdit)

        self.improvementLabel = QLabel(self.ratingPane)
        self.improvementLabel.setObjectName(u"improvementLabel")

        self.ratingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.improvementLabel)

        self.improvementEdit = QPlainTextEdit(self.ratingPane)
        self.improvementEdit.setObjectName(u"improvementEdit")
        self.improvementEdit.setMaximumSize(QSize(16777215, 90))

        self.ratingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.improvementEdit)

        self.moderatedLabel = QLabel(self.ratingPane)
        self.moderatedLabel.setObjectName(u"moderatedLabel")

        self.ratingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.moderatedLabel)

        self.moderatedCombo = QComboBox(self.ratingPane)
        self.moderatedCombo.setObjectName(u"moderatedCombo")

        self.ratingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.moderatedCombo)

        self.moderatedReasonLabel = QLabel(self.ratingPane)
        self.moderatedReasonLabel.setObjectName(u"moderatedReasonLabel")

        self.ratingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.moderatedReasonLabel)

        self.moderatedReasonEdit = QLineEdit(self.ratingPane)
        self.moderatedReasonEdit.setObjectName(u"moderatedReasonEdit")

        self.ratingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.moderatedReasonEdit)

        self.panelLabel = QLabel(self.ratingPane)
        self.panelLabel.setObjectName(u"panelLabel")

        self.ratingForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.panelLabel)

        self.panelEdit = QPlainTextEdit(self.ratingPane)
        self.panelEdit.setObjectName(u"panelEdit")
        self.panelEdit.setMaximumSize(QSize(16777215, 90))

        self.ratingForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.panelEdit)


        self.ratingPaneLayout.addLayout(self.ratingForm)

        self.ratingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.ratingPaneLayout.addItem(self.ratingSpacer)

        self.ratingsSplitter.addWidget(self.ratingPane)

        self.ratingsTabLayout.addWidget(self.ratingsSplitter)

        self.tabs.addTab(self.ratingsTab, "")
        self.actionsTab = QWidget()
        self.actionsTab.setObjectName(u"actionsTab")
        self.actionsTabLayout = QVBoxLayout(self.actionsTab)
        self.actionsTabLayout.setObjectName(u"actionsTabLayout")
        self.actionsView = QTableView(self.actionsTab)
        self.actionsView.setObjectName(u"actionsView")
        self.actionsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.actionsTabLayout.addWidget(self.actionsView)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.addActionButton = QPushButton(self.actionsTab)
        self.addActionButton.setObjectName(u"addActionButton")

        self.actionButtons.addWidget(self.addActionButton)

        self.actionButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionButtonsSpacer)


        self.actionsTabLayout.addLayout(self.actionButtons)

        self.actionGroup = QGroupBox(self.actionsTab)
        self.actionGroup.setObjectName(u"actionGroup")
        self.actionForm = QFormLayout(self.actionGroup)
        self.actionForm.setObjectName(u"actionForm")
        self.actionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.actionLabel = QLabel(self.actionGroup)
        self.actionLabel.setObjectName(u"actionLabel")

        self.actionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionEdit = QLineEdit(self.actionGroup)
        self.actionEdit.setObjectName(u"actionEdit")

        self.actionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.actionEdit)

        self.ownerLabel = QLabel(self.actionGroup)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.actionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(self.actionGroup)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.actionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.dueLabel = QLabel(self.actionGroup)
        self.dueLabel.setObjectName(u"dueLabel")

        self.actionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEditRow = QHBoxLayout()
        self.dueEditRow.setObjectName(u"dueEditRow")
        self.dueCheck = QCheckBox(self.actionGroup)
        self.dueCheck.setObjectName(u"dueCheck")

        self.dueEditRow.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(self.actionGroup)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.dueEditRow.addWidget(self.dueEdit)

        self.dueEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueEditRow.addItem(self.dueEditSpacer)


        self.actionForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.dueEditRow)

        self.statusLabel = QLabel(self.actionGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.actionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.actionGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.actionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.closedLabel = QLabel(self.actionGroup)
        self.closedLabel.setObjectName(u"closedLabel")

        self.actionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.closedLabel)

        self.closedEditRow = QHBoxLayout()
        self.closedEditRow.setObjectName(u"closedEditRow")
        self.closedCheck = QCheckBox(self.actionGroup)
        self.closedCheck.setObjectName(u"closedCheck")

        self.closedEditRow.addWidget(self.closedCheck)

        self.closedEdit = QDateEdit(self.actionGroup)
        self.closedEdit.setObjectName(u"closedEdit")
        self.closedEdit.setCalendarPopup(True)

        self.closedEditRow.addWidget(self.closedEdit)

        self.closedEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.closedEditRow.addItem(self.closedEditSpacer)


        self.actionForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.closedEditRow)

        self.standardLabel = QLabel(self.actionGroup)
        self.standardLabel.setObjectName(u"standardLabel")

        self.actionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.standardLabel)

        self.standardCombo = QComboBox(self.actionGroup)
        self.standardCombo.setObjectName(u"standardCombo")

        self.actionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.standardCombo)

        self.actionNotesLabel = QLabel(self.actionGroup)
        self.actionNotesLabel.setObjectName(u"actionNotesLabel")

        self.actionForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.actionNotesLabel)

        self.actionNotesEdit = QLineEdit(self.actionGroup)
        self.actionNotesEdit.setObjectName(u"actionNotesEdit")

        self.actionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.actionNotesEdit)


        self.actionsTabLayout.addWidget(self.actionGroup)

        self.tabs.addTab(self.actionsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(S11ReturnDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(S11ReturnDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.issuedLabel.setBuddy(self.issuedCheck)
        self.remindersLabel.setBuddy(self.reminderList)
        self.receivedLabel.setBuddy(self.receivedCheck)
        self.reviewedLabel.setBuddy(self.reviewedCheck)
        self.leadLabel.setBuddy(self.leadNameEdit)
        self.substituteLabel.setBuddy(self.substituteNameEdit)
        self.outcomeLabel.setBuddy(self.outcomeEdit)
        self.notesLabel.setBuddy(self.notesEdit)
        self.selfLabel.setBuddy(self.selfCombo)
        self.selfReasonLabel.setBuddy(self.selfReasonEdit)
        self.evidenceLabel.setBuddy(self.evidenceEdit)
        self.improvementLabel.setBuddy(self.improvementEdit)
        self.moderatedLabel.setBuddy(self.moderatedCombo)
        self.moderatedReasonLabel.setBuddy(self.moderatedReasonEdit)
        self.panelLabel.setBuddy(self.panelEdit)
        self.actionLabel.setBuddy(self.actionEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.dueLabel.setBuddy(self.dueCheck)
        self.statusLabel.setBuddy(self.statusCombo)
        self.closedLabel.setBuddy(self.closedCheck)
        self.standardLabel.setBuddy(self.standardCombo)
        self.actionNotesLabel.setBuddy(self.actionNotesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(S11ReturnDialog)
        self.buttonBox.accepted.connect(S11ReturnDialog.accept)
        self.buttonBox.rejected.connect(S11ReturnDialog.reject)

        QMetaObject.connectSlotsByName(S11ReturnDialog)
    # setupUi

    def retranslateUi(self, S11ReturnDialog):
        S11ReturnDialog.setWindowTitle(QCoreApplication.translate("S11ReturnDialog", u"Section 11 return", None))
        self.headerLabel.setText("")
        self.issuedLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Issued:", None))
        self.issuedCheck.setText("")
        self.deadlineCaption.setText(QCoreApplication.translate("S11ReturnDialog", u"Deadline:", None))
        self.deadlineLabel.setText("")
        self.remindersLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Reminders sent:", None))
        self.reminderNoteEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"note, e.g. phoned the substitute", None))
        self.addReminderButton.setText(QCoreApplication.translate("S11ReturnDialog", u"Add &reminder", None))
        self.receivedLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"R&eceived:", None))
        self.receivedCheck.setText("")
        self.reviewedLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Re&viewed by the panel:", None))
        self.reviewedCheck.setText("")
        self.leadLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Lead contact:", None))
        self.leadNameEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"name", None))
        self.leadEmailEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"email", None))
        self.substituteLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Substitute:", None))
        self.substituteNameEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"name", None))
        self.substituteEmailEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"email", None))
        self.outcomeLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Panel &outcome:", None))
        self.outcomeEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"e.g. Accepted with actions", None))
        self.notesLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"N&otes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.returnTab), QCoreApplication.translate("S11ReturnDialog", u"Return and &dates", None))
        ___qtreewidgetitem = self.itemsTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("S11ReturnDialog", u"Panel", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("S11ReturnDialog", u"Self", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("S11ReturnDialog", u"Standard", None))
        self.itemTitleLabel.setText("")
        self.itemTextLabel.setText("")
        self.selfLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Self-assessed rating:", None))
        self.selfReasonLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Why not applicable:", None))
        self.selfReasonEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"needed when the rating is n/a", None))
        self.evidenceLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"E&vidence:", None))
        self.improvementLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Areas for &improvement:", None))
        self.moderatedLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Moderated rating (panel):", None))
        self.moderatedReasonLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Why not applicable:", None))
        self.moderatedReasonEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"needed when the rating is n/a", None))
        self.panelLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Panel's comments:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.ratingsTab), QCoreApplication.translate("S11ReturnDialog", u"R&atings", None))
        self.addActionButton.setText(QCoreApplication.translate("S11ReturnDialog", u"Add actio&n", None))
        self.actionGroup.setTitle(QCoreApplication.translate("S11ReturnDialog", u"The selected action", None))
        self.actionLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"A&ction:", None))
        self.actionEdit.setPlaceholderText(QCoreApplication.translate("S11ReturnDialog", u"what will be done", None))
        self.ownerLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"O&wner:", None))
        self.dueLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"&Due:", None))
        self.dueCheck.setText("")
        self.statusLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Stat&us:", None))
        self.closedLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Closed:", None))
        self.closedCheck.setText("")
        self.standardLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Standar&d:", None))
        self.actionNotesLabel.setText(QCoreApplication.translate("S11ReturnDialog", u"Notes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.actionsTab), QCoreApplication.translate("S11ReturnDialog", u"Action &plan", None))
        self.errorLabel.setText("")
    # retranslateUi

