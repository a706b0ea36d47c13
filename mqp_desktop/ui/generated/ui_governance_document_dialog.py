# Automatically generated - do not edit.
# Source: forms/governance_document_dialog.ui (sha256 5028ee4d428e3358fbd9033ad7d2db32c4e0b01a50235aede7fbfbc5382ca4c8)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'governance_document_dialog.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_GovernanceDocumentDialog(object):
    def setupUi(self, GovernanceDocumentDialog):
        if not GovernanceDocumentDialog.objectName():
            GovernanceDocumentDialog.setObjectName(u"GovernanceDocumentDialog")
        GovernanceDocumentDialog.resize(600, 380)
        GovernanceDocumentDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(GovernanceDocumentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(GovernanceDocumentDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(GovernanceDocumentDialog)
        self.tabs.setObjectName(u"tabs")
        self.documentTab = QWidget()
        self.documentTab.setObjectName(u"documentTab")
        self.documentTabLayout = QVBoxLayout(self.documentTab)
        self.documentTabLayout.setObjectName(u"documentTabLayout")
        self.documentTabForm = QFormLayout()
        self.documentTabForm.setObjectName(u"documentTabForm")
        self.documentTabForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleEditLabel = QLabel(self.documentTab)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.documentTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(self.documentTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.documentTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.kindComboLabel = QLabel(self.documentTab)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.documentTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(self.documentTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.documentTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.versionEditLabel = QLabel(self.documentTab)
        self.versionEditLabel.setObjectName(u"versionEditLabel")

        self.documentTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.versionEditLabel)

        self.versionEdit = QLineEdit(self.documentTab)
        self.versionEdit.setObjectName(u"versionEdit")

        self.documentTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.versionEdit)

        self.ownerEditLabel = QLabel(self.documentTab)
        self.ownerEditLabel.setObjectName(u"ownerEditLabel")

        self.documentTabForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerEditLabel)

        self.ownerEdit = QLineEdit(self.documentTab)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.documentTabForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.ownerAgencyComboLabel = QLabel(self.documentTab)
        self.ownerAgencyComboLabel.setObjectName(u"ownerAgencyComboLabel")

        self.documentTabForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ownerAgencyComboLabel)

        self.ownerAgencyCombo = QComboBox(self.documentTab)
        self.ownerAgencyCombo.setObjectName(u"ownerAgencyCombo")

        self.documentTabForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ownerAgencyCombo)

        self.notesEditLabel = QLabel(self.documentTab)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.documentTabForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.documentTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.documentTabForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.documentTabLayout.addLayout(self.documentTabForm)

        self.documentTabStretch = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.documentTabLayout.addItem(self.documentTabStretch)

        self.tabs.addTab(self.documentTab, "")
        self.reviewTab = QWidget()
        self.reviewTab.setObjectName(u"reviewTab")
        self.reviewTabLayout = QVBoxLayout(self.reviewTab)
        self.reviewTabLayout.setObjectName(u"reviewTabLayout")
        self.reviewTabForm = QFormLayout()
        self.reviewTabForm.setObjectName(u"reviewTabForm")
        self.reviewTabForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingComboLabel = QLabel(self.reviewTab)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.reviewTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(self.reviewTab)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.reviewTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.outcomeComboLabel = QLabel(self.reviewTab)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.reviewTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(self.reviewTab)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.reviewTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.outcomeNoteEditLabel = QLabel(self.reviewTab)
        self.outcomeNoteEditLabel.setObjectName(u"outcomeNoteEditLabel")

        self.reviewTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeNoteEditLabel)

        self.outcomeNoteEdit = QPlainTextEdit(self.reviewTab)
        self.outcomeNoteEdit.setObjectName(u"outcomeNoteEdit")
        self.outcomeNoteEdit.setTabChangesFocus(True)
        self.outcomeNoteEdit.setMaximumSize(QSize(16777215, 60))

        self.reviewTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeNoteEdit)

        self.sentCheckLabel = QLabel(self.reviewTab)
        self.sentCheckLabel.setObjectName(u"sentCheckLabel")

        self.reviewTabForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sentCheckLabel)

        self.sentEditRow = QHBoxLayout()
        self.sentEditRow.setObjectName(u"sentEditRow")
        self.sentCheck = QCheckBox(self.reviewTab)
        self.sentCheck.setObjectName(u"sentCheck")

        self.sentEditRow.addWidget(self.sentCheck)

        self.sentEdit = QDateEdit(self.reviewTab)
        self.sentEdit.setObjectName(u"sentEdit")
        self.sentEdit.setCalendarPopup(True)

        self.sentEditRow.addWidget(self.sentEdit)

        self.sentEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sentEditRow.addItem(self.sentEditSpacer)


        self.reviewTabForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sentEditRow)

        self.signedCheckLabel = QLabel(self.reviewTab)
        self.signedCheckLabel.setObjectName(u"signedCheckLabel")

        self.reviewTabForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signedCheckLabel)

        self.signedEditRow = QHBoxLayout()
        self.signedEditRow.setObjectName(u"signedEditRow")
        self.signedCheck = QCheckBox(self.reviewTab)
        self.signedCheck.setObjectName(u"signedCheck")

        self.signedEditRow.addWidget(self.signedCheck)

        self.signedEdit = QDateEdit(self.reviewTab)
        self.signedEdit.setObjectName(u"signedEdit")
        self.signedEdit.setCalendarPopup(True)

        self.signedEditRow.addWidget(self.signedEdit)

        self.signedEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signedEditRow.addItem(self.signedEditSpacer)


        self.reviewTabForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.signedEditRow)

        self.reviewCheckLabel = QLabel(self.reviewTab)
        self.reviewCheckLabel.setObjectName(u"reviewCheckLabel")

        self.reviewTabForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reviewCheckLabel)

        self.reviewEditRow = QHBoxLayout()
        self.reviewEditRow.setObjectName(u"reviewEditRow")
        self.reviewCheck = QCheckBox(self.reviewTab)
        self.reviewCheck.setObjectName(u"reviewCheck")

        self.reviewEditRow.addWidget(self.reviewCheck)

        self.reviewEdit = QDateEdit(self.reviewTab)
        self.reviewEdit.setObjectName(u"reviewEdit")
        self.reviewEdit.setCalendarPopup(True)

        self.reviewEditRow.addWidget(self.reviewEdit)

        self.reviewEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewEditRow.addItem(self.reviewEditSpacer)


        self.reviewTabForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.reviewEditRow)


        self.reviewTabLayout.addLayout(self.reviewTabForm)

        self.reviewTabStretch = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reviewTabLayout.addItem(self.reviewTabStretch)

        self.tabs.addTab(self.reviewTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(GovernanceDocumentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(GovernanceDocumentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.versionEditLabel.setBuddy(self.versionEdit)
        self.ownerEditLabel.setBuddy(self.ownerEdit)
        self.ownerAgencyComboLabel.setBuddy(self.ownerAgencyCombo)
        self.notesEditLabel.setBuddy(self.notesEdit)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.outcomeNoteEditLabel.setBuddy(self.outcomeNoteEdit)
        self.sentCheckLabel.setBuddy(self.sentCheck)
        self.signedCheckLabel.setBuddy(self.signedCheck)
        self.reviewCheckLabel.setBuddy(self.reviewCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(GovernanceDocumentDialog)
        self.buttonBox.accepted.connect(GovernanceDocumentDialog.accept)
        self.buttonBox.rejected.connect(GovernanceDocumentDialog.reject)

        QMetaObject.connectSlotsByName(GovernanceDocumentDialog)
    # setupUi

    def retranslateUi(self, GovernanceDocumentDialog):
        GovernanceDocumentDialog.setWindowTitle(QCoreApplication.translate("GovernanceDocumentDialog", u"Document", None))
        self.introLabel.setText("")
        self.titleEditLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"&Title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("GovernanceDocumentDialog", u"e.g. Resolution and escalation procedure", None))
        self.kindComboLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"&Kind:", None))
        self.versionEditLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"&Version:", None))
        self.versionEdit.setPlaceholderText(QCoreApplication.translate("GovernanceDocumentDialog", u"e.g. 3.0", None))
        self.ownerEditLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"&Owner:", None))
        self.ownerEdit.setPlaceholderText(QCoreApplication.translate("GovernanceDocumentDialog", u"who owns it: a person, post or team", None))
        self.ownerAgencyComboLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"Owner's a&gency:", None))
        self.notesEditLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"&Notes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.documentTab), QCoreApplication.translate("GovernanceDocumentDialog", u"Document", None))
        self.meetingComboLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"Reviewed &at:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("GovernanceDocumentDialog", u"The subcommittee meeting that reviewed it", None))
#endif // QT_CONFIG(tooltip)
        self.outcomeComboLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"O&utcome:", None))
        self.outcomeNoteEditLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"Outcome n&ote:", None))
#if QT_CONFIG(tooltip)
        self.outcomeNoteEdit.setToolTip(QCoreApplication.translate("GovernanceDocumentDialog", u"Amendments asked for, or why not endorsed or deferred", None))
#endif // QT_CONFIG(tooltip)
        self.sentCheckLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"Sent to the &Executive:", None))
        self.sentCheck.setText("")
        self.signedCheckLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"&Signed off:", None))
        self.signedCheck.setText("")
        self.reviewCheckLabel.setText(QCoreApplication.translate("GovernanceDocumentDialog", u"Next &review due:", None))
        self.reviewCheck.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.reviewTab), QCoreApplication.translate("GovernanceDocumentDialog", u"Review && sign-off", None))
        self.errorLabel.setText("")
    # retranslateUi

