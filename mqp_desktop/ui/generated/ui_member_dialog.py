# Automatically generated - do not edit.
# Source: forms/member_dialog.ui (sha256 86167f10214d4b83101d210048ee65b14f55d06417fe9b0989f92c552a6396c3)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QButtonGroup, QCheckBox,
    QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(560, 600)
        MemberDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.postGroup = QGroupBox(MemberDialog)
        self.postGroup.setObjectName(u"postGroup")
        self.postForm = QFormLayout(self.postGroup)
        self.postForm.setObjectName(u"postForm")
        self.postForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(self.postGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.postForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.postGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.postForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleTitleLabel = QLabel(self.postGroup)
        self.roleTitleLabel.setObjectName(u"roleTitleLabel")

        self.postForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleTitleLabel)

        self.roleTitleEdit = QLineEdit(self.postGroup)
        self.roleTitleEdit.setObjectName(u"roleTitleEdit")

        self.postForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleTitleEdit)

        self.agencyLabel = QLabel(self.postGroup)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.postForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(self.postGroup)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.postForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.votingLabel = QLabel(self.postGroup)
        self.votingLabel.setObjectName(u"votingLabel")

        self.postForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.votingLabel)

        self.votingRow = QHBoxLayout()
        self.votingRow.setObjectName(u"votingRow")
        self.decisionMakerRadio = QRadioButton(self.postGroup)
        self.votingGroup = QButtonGroup(MemberDialog)
        self.votingGroup.setObjectName(u"votingGroup")
        self.votingGroup.addButton(self.decisionMakerRadio)
        self.decisionMakerRadio.setObjectName(u"decisionMakerRadio")
        self.decisionMakerRadio.setChecked(True)

        self.votingRow.addWidget(self.decisionMakerRadio)

        self.representativeRadio = QRadioButton(self.postGroup)
        self.votingGroup.addButton(self.representativeRadio)
        self.representativeRadio.setObjectName(u"representativeRadio")

        self.votingRow.addWidget(self.representativeRadio)

        self.votingSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.votingRow.addItem(self.votingSpacer)


        self.postForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.votingRow)

        self.votingHint = QLabel(self.postGroup)
        self.votingHint.setObjectName(u"votingHint")
        self.votingHint.setWordWrap(True)

        self.postForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.votingHint)

        self.startDateLabel = QLabel(self.postGroup)
        self.startDateLabel.setObjectName(u"startDateLabel")

        self.postForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.startDateLabel)

        self.startDateRow = QHBoxLayout()
        self.startDateRow.setObjectName(u"startDateRow")
        self.startDateSet = QCheckBox(self.postGroup)
        self.startDateSet.setObjectName(u"startDateSet")

        self.startDateRow.addWidget(self.startDateSet)

        self.startDateEdit = QDateEdit(self.postGroup)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.startDateRow.addWidget(self.startDateEdit)

        self.startDateSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startDateRow.addItem(self.startDateSpacer)


        self.postForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.startDateRow)


        self.mainLayout.addWidget(self.postGroup)

        self.contactGroup = QGroupBox(MemberDialog)
        self.contactGroup.setObjectName(u"contactGroup")
        self.contactForm = QFormLayout(self.contactGroup)
        self.contactForm.setObjectName(u"contactForm")
        self.contactForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.emailLabel = QLabel(self.contactGroup)
        self.emailLabel.setObjectName(u"emailLabel")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.contactGroup)
        self.emailEdit.setObjectName(u"emailEdit")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(self.contactGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.contactGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.mainLayout.addWidget(self.contactGroup)

        self.deputyGroup = QGroupBox(MemberDialog)
        self.deputyGroup.setObjectName(u"deputyGroup")
        self.deputyForm = QFormLayout(self.deputyGroup)
        self.deputyForm.setObjectName(u"deputyForm")
        self.deputyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.deputyNameLabel = QLabel(self.deputyGroup)
        self.deputyNameLabel.setObjectName(u"deputyNameLabel")

        self.deputyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deputyNameLabel)

        self.deputyNameEdit = QLineEdit(self.deputyGroup)
        self.deputyNameEdit.setObjectName(u"deputyNameEdit")

        self.deputyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deputyNameEdit)

        self.deputyEmailLabel = QLabel(self.deputyGroup)
        self.deputyEmailLabel.setObjectName(u"deputyEmailLabel")

        self.deputyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deputyEmailLabel)

        self.deputyEmailEdit = QLineEdit(self.deputyGroup)
        self.deputyEmailEdit.setObjectName(u"deputyEmailEdit")

        self.deputyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deputyEmailEdit)


        self.mainLayout.addWidget(self.deputyGroup)

        self.notesLabel = QLabel(MemberDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.mainLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(MemberDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMinimumSize(QSize(0, 60))

        self.mainLayout.addWidget(self.notesEdit)

        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleTitleLabel.setBuddy(self.roleTitleEdit)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.startDateLabel.setBuddy(self.startDateSet)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.deputyNameLabel.setBuddy(self.deputyNameEdit)
        self.deputyEmailLabel.setBuddy(self.deputyEmailEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.roleTitleEdit)
        QWidget.setTabOrder(self.roleTitleEdit, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.decisionMakerRadio)
        QWidget.setTabOrder(self.decisionMakerRadio, self.representativeRadio)
        QWidget.setTabOrder(self.representativeRadio, self.startDateSet)
        QWidget.setTabOrder(self.startDateSet, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.deputyNameEdit)
        QWidget.setTabOrder(self.deputyNameEdit, self.deputyEmailEdit)
        QWidget.setTabOrder(self.deputyEmailEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(MemberDialog)
        self.buttonBox.accepted.connect(MemberDialog.accept)
        self.buttonBox.rejected.connect(MemberDialog.reject)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"Add member", None))
        self.postGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Seat", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"Leave empty for a vacant seat", None))
#if QT_CONFIG(tooltip)
        self.nameEdit.setToolTip(QCoreApplication.translate("MemberDialog", u"The person's name. Leave it empty when the post is on the subcommittee but no one has been named to it yet.", None))
#endif // QT_CONFIG(tooltip)
        self.roleTitleLabel.setText(QCoreApplication.translate("MemberDialog", u"&Post / role title:", None))
        self.roleTitleEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"e.g. Designated Nurse Safeguarding Children", None))
        self.agencyLabel.setText(QCoreApplication.translate("MemberDialog", u"&Agency:", None))
#if QT_CONFIG(tooltip)
        self.agencyCombo.setToolTip(QCoreApplication.translate("MemberDialog", u"The agency this member represents. Ended agencies are not offered for new members.", None))
#endif // QT_CONFIG(tooltip)
        self.votingLabel.setText(QCoreApplication.translate("MemberDialog", u"Role at meetings:", None))
        self.decisionMakerRadio.setText(QCoreApplication.translate("MemberDialog", u"&Decision maker", None))
#if QT_CONFIG(tooltip)
        self.decisionMakerRadio.setToolTip(QCoreApplication.translate("MemberDialog", u"Can take decisions for their agency at meetings (ToR 4).", None))
#endif // QT_CONFIG(tooltip)
        self.representativeRadio.setText(QCoreApplication.translate("MemberDialog", u"&Representative only", None))
#if QT_CONFIG(tooltip)
        self.representativeRadio.setToolTip(QCoreApplication.translate("MemberDialog", u"Represents their sector but does not take decisions for it, e.g. school members (ToR 4).", None))
#endif // QT_CONFIG(tooltip)
        self.votingHint.setText(QCoreApplication.translate("MemberDialog", u"School members are representatives, not decision makers (ToR 4). Both count for attendance.", None))
        self.startDateLabel.setText(QCoreApplication.translate("MemberDialog", u"&Start date:", None))
#if QT_CONFIG(tooltip)
        self.startDateSet.setToolTip(QCoreApplication.translate("MemberDialog", u"The date the member joined the subcommittee. Tick the box to set it; leave it unticked if it is not known.", None))
#endif // QT_CONFIG(tooltip)
        self.startDateSet.setText("")
        self.startDateEdit.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.startDateEdit.setToolTip(QCoreApplication.translate("MemberDialog", u"The date the member joined the subcommittee. Tick the box to set it; leave it unticked if it is not known.", None))
#endif // QT_CONFIG(tooltip)
        self.contactGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Contact", None))
        self.emailLabel.setText(QCoreApplication.translate("MemberDialog", u"&Email:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"name@agency.gov.uk", None))
#if QT_CONFIG(tooltip)
        self.emailEdit.setToolTip(QCoreApplication.translate("MemberDialog", u"Agendas, papers and minutes are sent to this address (ToR 13).", None))
#endif // QT_CONFIG(tooltip)
        self.phoneLabel.setText(QCoreApplication.translate("MemberDialog", u"P&hone:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"e.g. 020 8871 6000", None))
        self.deputyGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Nominated deputy (attends when the member cannot, ToR 5)", None))
        self.deputyNameLabel.setText(QCoreApplication.translate("MemberDialog", u"Deputy's na&me:", None))
        self.deputyEmailLabel.setText(QCoreApplication.translate("MemberDialog", u"Deputy's emai&l:", None))
        self.deputyEmailEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"name@agency.gov.uk", None))
#if QT_CONFIG(tooltip)
        self.deputyEmailEdit.setToolTip(QCoreApplication.translate("MemberDialog", u"The deputy is copied in when papers are circulated.", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("MemberDialog", u"No&tes:", None))
        self.errorLabel.setText("")
    # retranslateUi

