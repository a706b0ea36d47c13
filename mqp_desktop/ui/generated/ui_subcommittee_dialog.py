# Automatically generated - do not edit.
# Source: forms/subcommittee_dialog.ui (sha256 0e2b5e45b777e583a023e60ebe6653d52e7c8c1cf6d206f873ecbebcbe342867)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'subcommittee_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QButtonGroup,
    QCheckBox, QComboBox, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QRadioButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_SubcommitteeDialog(object):
    def setupUi(self, SubcommitteeDialog):
        if not SubcommitteeDialog.objectName():
            SubcommitteeDialog.setObjectName(u"SubcommitteeDialog")
        SubcommitteeDialog.resize(660, 600)
        SubcommitteeDialog.setMinimumSize(QSize(600, 420))
        self.mainLayout = QVBoxLayout(SubcommitteeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(SubcommitteeDialog)
        self.tabs.setObjectName(u"tabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalForm = QFormLayout(self.generalTab)
        self.generalForm.setObjectName(u"generalForm")
        self.generalForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(self.generalTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.generalTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(self.generalTab)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(self.generalTab)
        self.shortNameEdit.setObjectName(u"shortNameEdit")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.partnershipLabel = QLabel(self.generalTab)
        self.partnershipLabel.setObjectName(u"partnershipLabel")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.partnershipLabel)

        self.partnershipEdit = QLineEdit(self.generalTab)
        self.partnershipEdit.setObjectName(u"partnershipEdit")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.partnershipEdit)

        self.reportingLineLabel = QLabel(self.generalTab)
        self.reportingLineLabel.setObjectName(u"reportingLineLabel")

        self.generalForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reportingLineLabel)

        self.reportingLineEdit = QLineEdit(self.generalTab)
        self.reportingLineEdit.setObjectName(u"reportingLineEdit")

        self.generalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reportingLineEdit)

        self.tabs.addTab(self.generalTab, "")
        self.meetingsTab = QWidget()
        self.meetingsTab.setObjectName(u"meetingsTab")
        self.meetingsForm = QFormLayout(self.meetingsTab)
        self.meetingsForm.setObjectName(u"meetingsForm")
        self.meetingsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.frequencyLabel = QLabel(self.meetingsTab)
        self.frequencyLabel.setObjectName(u"frequencyLabel")

        self.meetingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.frequencyLabel)

        self.frequencyRow = QHBoxLayout()
        self.frequencyRow.setObjectName(u"frequencyRow")
        self.frequencySpin = QSpinBox(self.meetingsTab)
        self.frequencySpin.setObjectName(u"frequencySpin")
        self.frequencySpin.setMinimum(1)
        self.frequencySpin.setMaximum(52)
        self.frequencySpin.setValue(2)

        self.frequencyRow.addWidget(self.frequencySpin)

        self.frequencyUnitCombo = QComboBox(self.meetingsTab)
        self.frequencyUnitCombo.addItem("")
        self.frequencyUnitCombo.addItem("")
        self.frequencyUnitCombo.setObjectName(u"frequencyUnitCombo")

        self.frequencyRow.addWidget(self.frequencyUnitCombo)

        self.frequencySpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.frequencyRow.addItem(self.frequencySpacer)


        self.meetingsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.frequencyRow)

        self.frequencyHint = QLabel(self.meetingsTab)
        self.frequencyHint.setObjectName(u"frequencyHint")
        self.frequencyHint.setWordWrap(True)

        self.meetingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.frequencyHint)

        self.attendanceLabel = QLabel(self.meetingsTab)
        self.attendanceLabel.setObjectName(u"attendanceLabel")

        self.meetingsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.attendanceLabel)

        self.attendanceRow = QHBoxLayout()
        self.attendanceRow.setObjectName(u"attendanceRow")
        self.attendanceSpin = QSpinBox(self.meetingsTab)
        self.attendanceSpin.setObjectName(u"attendanceSpin")
        self.attendanceSpin.setMinimum(0)
        self.attendanceSpin.setMaximum(100)
        self.attendanceSpin.setValue(80)

        self.attendanceRow.addWidget(self.attendanceSpin)

        self.attendanceSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceRow.addItem(self.attendanceSpacer)


        self.meetingsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.attendanceRow)

        self.attendanceHint = QLabel(self.meetingsTab)
        self.attendanceHint.setObjectName(u"attendanceHint")
        self.attendanceHint.setWordWrap(True)

        self.meetingsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.attendanceHint)

        self.deputyCountsCheck = QCheckBox(self.meetingsTab)
        self.deputyCountsCheck.setObjectName(u"deputyCountsCheck")

        self.meetingsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.deputyCountsCheck)

        self.tabs.addTab(self.meetingsTab, "")
        self.quorumTab = QWidget()
        self.quorumTab.setObjectName(u"quorumTab")
        self.quorumTabLayout = QVBoxLayout(self.quorumTab)
        self.quorumTabLayout.setObjectName(u"quorumTabLayout")
        self.quorumTabLayout.setContentsMargins(0, 0, 0, 0)
        self.quorumScroll = QScrollArea(self.quorumTab)
        self.quorumScroll.setObjectName(u"quorumScroll")
        self.quorumScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.quorumScroll.setWidgetResizable(True)
        self.quorumScrollContents = QWidget()
        self.quorumScrollContents.setObjectName(u"quorumScrollContents")
        self.quorumLayout = QVBoxLayout(self.quorumScrollContents)
        self.quorumLayout.setObjectName(u"quorumLayout")
        self.quorumForm = QFormLayout()
        self.quorumForm.setObjectName(u"quorumForm")
        self.quorumForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.quorumKindLabel = QLabel(self.quorumScrollContents)
        self.quorumKindLabel.setObjectName(u"quorumKindLabel")

        self.quorumForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.quorumKindLabel)

        self.quorumKindCombo = QComboBox(self.quorumScrollContents)
        self.quorumKindCombo.addItem("")
        self.quorumKindCombo.addItem("")
        self.quorumKindCombo.addItem("")
        self.quorumKindCombo.addItem("")
        self.quorumKindCombo.setObjectName(u"quorumKindCombo")

        self.quorumForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.quorumKindCombo)

        self.quorumCountLabel = QLabel(self.quorumScrollContents)
        self.quorumCountLabel.setObjectName(u"quorumCountLabel")

        self.quorumForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.quorumCountLabel)

        self.quorumCountRow = QHBoxLayout()
        self.quorumCountRow.setObjectName(u"quorumCountRow")
        self.quorumCountSpin = QSpinBox(self.quorumScrollContents)
        self.quorumCountSpin.setObjectName(u"quorumCountSpin")
        self.quorumCountSpin.setMinimum(1)
        self.quorumCountSpin.setMaximum(99)
        self.quorumCountSpin.setValue(3)

        self.quorumCountRow.addWidget(self.quorumCountSpin)

        self.othersUnitLabel = QLabel(self.quorumScrollContents)
        self.othersUnitLabel.setObjectName(u"othersUnitLabel")

        self.quorumCountRow.addWidget(self.othersUnitLabel)

        self.othersUnitCombo = QComboBox(self.quorumScrollContents)
        self.othersUnitCombo.addItem("")
        self.othersUnitCombo.addItem("")
        self.othersUnitCombo.setObjectName(u"othersUnitCombo")

        self.quorumCountRow.addWidget(self.othersUnitCombo)

        self.quorumCountSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quorumCountRow.addItem(self.quorumCountSpacer)


        self.quorumForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.quorumCountRow)

        self.quorumSetLabel = QLabel(self.quorumScrollContents)
        self.quorumSetLabel.setObjectName(u"quorumSetLabel")

        self.quorumForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.quorumSetLabel)

        self.quorumSetGrid = QGridLayout()
        self.quorumSetGrid.setObjectName(u"quorumSetGrid")
        self.statutorySetRadio = QRadioButton(self.quorumScrollContents)
        self.quorumSetGroup = QButtonGroup(SubcommitteeDialog)
        self.quorumSetGroup.setObjectName(u"quorumSetGroup")
        self.quorumSetGroup.addButton(self.statutorySetRadio)
        self.statutorySetRadio.setObjectName(u"statutorySetRadio")
        self.statutorySetRadio.setChecked(True)

        self.quorumSetGrid.addWidget(self.statutorySetRadio, 0, 0, 1, 1)

        self.leadSetRadio = QRadioButton(self.quorumScrollContents)
        self.quorumSetGroup.addButton(self.leadSetRadio)
        self.leadSetRadio.setObjectName(u"leadSetRadio")

        self.quorumSetGrid.addWidget(self.leadSetRadio, 0, 1, 1, 1)

        self.namedSetRadio = QRadioButton(self.quorumScrollContents)
        self.quorumSetGroup.addButton(self.namedSetRadio)
        self.namedSetRadio.setObjectName(u"namedSetRadio")

        self.quorumSetGrid.addWidget(self.namedSetRadio, 1, 0, 1, 1)

        self.anySetRadio = QRadioButton(self.quorumScrollContents)
        self.quorumSetGroup.addButton(self.anySetRadio)
        self.anySetRadio.setObjectName(u"anySetRadio")

        self.quorumSetGrid.addWidget(self.anySetRadio, 1, 1, 1, 1)


        self.quorumForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.quorumSetGrid)

        self.quorumAgenciesLabel = QLabel(self.quorumScrollContents)
        self.quorumAgenciesLabel.setObjectName(u"quorumAgenciesLabel")

        self.quorumForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.quorumAgenciesLabel)

        self.quorumAgencyList = QListWidget(self.quorumScrollContents)
        self.quorumAgencyList.setObjectName(u"quorumAgencyList")
        self.quorumAgencyList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.quorumAgencyList.setMinimumSize(QSize(0, 90))
        self.quorumAgencyList.setMaximumSize(QSize(16777215, 150))

        self.quorumForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.quorumAgencyList)

        self.sharedSeatsLabel = QLabel(self.quorumScrollContents)
        self.sharedSeatsLabel.setObjectName(u"sharedSeatsLabel")

        self.quorumForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sharedSeatsLabel)

        self.sharedSeatRow = QHBoxLayout()
        self.sharedSeatRow.setObjectName(u"sharedSeatRow")
        self.sharedSeatList = QListWidget(self.quorumScrollContents)
        self.sharedSeatList.setObjectName(u"sharedSeatList")
        self.sharedSeatList.setMinimumSize(QSize(0, 44))
        self.sharedSeatList.setMaximumSize(QSize(16777215, 72))

        self.sharedSeatRow.addWidget(self.sharedSeatList)

        self.sharedSeatButtons = QVBoxLayout()
        self.sharedSeatButtons.setObjectName(u"sharedSeatButtons")
        self.shareSeatButton = QPushButton(self.quorumScrollContents)
        self.shareSeatButton.setObjectName(u"shareSeatButton")

        self.sharedSeatButtons.addWidget(self.shareSeatButton)

        self.removeSeatButton = QPushButton(self.quorumScrollContents)
        self.removeSeatButton.setObjectName(u"removeSeatButton")

        self.sharedSeatButtons.addWidget(self.removeSeatButton)


        self.sharedSeatRow.addLayout(self.sharedSeatButtons)


        self.quorumForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.sharedSeatRow)

        self.chairProceedLabel = QLabel(self.quorumScrollContents)
        self.chairProceedLabel.setObjectName(u"chairProceedLabel")

        self.quorumForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.chairProceedLabel)

        self.chairProceedColumn = QVBoxLayout()
        self.chairProceedColumn.setObjectName(u"chairProceedColumn")
        self.chairMayProceedRadio = QRadioButton(self.quorumScrollContents)
        self.notQuorateGroup = QButtonGroup(SubcommitteeDialog)
        self.notQuorateGroup.setObjectName(u"notQuorateGroup")
        self.notQuorateGroup.addButton(self.chairMayProceedRadio)
        self.chairMayProceedRadio.setObjectName(u"chairMayProceedRadio")
        self.chairMayProceedRadio.setChecked(True)

        self.chairProceedColumn.addWidget(self.chairMayProceedRadio)

        self.mustReconveneRadio = QRadioButton(self.quorumScrollContents)
        self.notQuorateGroup.addButton(self.mustReconveneRadio)
        self.mustReconveneRadio.setObjectName(u"mustReconveneRadio")

        self.chairProceedColumn.addWidget(self.mustReconveneRadio)


        self.quorumForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.chairProceedColumn)


        self.quorumLayout.addLayout(self.quorumForm)

        self.quorumPreviewGroup = QGroupBox(self.quorumScrollContents)
        self.quorumPreviewGroup.setObjectName(u"quorumPreviewGroup")
        self.quorumPreviewLayout = QVBoxLayout(self.quorumPreviewGroup)
        self.quorumPreviewLayout.setObjectName(u"quorumPreviewLayout")
        self.quorumPreviewLabel = QLabel(self.quorumPreviewGroup)
        self.quorumPreviewLabel.setObjectName(u"quorumPreviewLabel")
        self.quorumPreviewLabel.setWordWrap(True)
        self.quorumPreviewLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.quorumPreviewLayout.addWidget(self.quorumPreviewLabel)


        self.quorumLayout.addWidget(self.quorumPreviewGroup)

        self.quorumScroll.setWidget(self.quorumScrollContents)

        self.quorumTabLayout.addWidget(self.quorumScroll)

        self.tabs.addTab(self.quorumTab, "")
        self.chairTab = QWidget()
        self.chairTab.setObjectName(u"chairTab")
        self.chairLayout = QVBoxLayout(self.chairTab)
        self.chairLayout.setObjectName(u"chairLayout")
        self.chairGroup = QGroupBox(self.chairTab)
        self.chairGroup.setObjectName(u"chairGroup")
        self.chairForm = QFormLayout(self.chairGroup)
        self.chairForm.setObjectName(u"chairForm")
        self.chairForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.chairLabel = QLabel(self.chairGroup)
        self.chairLabel.setObjectName(u"chairLabel")

        self.chairForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairCombo = QComboBox(self.chairGroup)
        self.chairCombo.setObjectName(u"chairCombo")

        self.chairForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.chairCombo)

        self.chairAppointedLabel = QLabel(self.chairGroup)
        self.chairAppointedLabel.setObjectName(u"chairAppointedLabel")

        self.chairForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.chairAppointedLabel)

        self.chairAppointedRow = QHBoxLayout()
        self.chairAppointedRow.setObjectName(u"chairAppointedRow")
        self.chairAppointedSet = QCheckBox(self.chairGroup)
        self.chairAppointedSet.setObjectName(u"chairAppointedSet")

        self.chairAppointedRow.addWidget(self.chairAppointedSet)

        self.chairAppointedEdit = QDateEdit(self.chairGroup)
        self.chairAppointedEdit.setObjectName(u"chairAppointedEdit")
        self.chairAppointedEdit.setCalendarPopup(True)

        self.chairAppointedRow.addWidget(self.chairAppointedEdit)

        self.chairAppointedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chairAppointedRow.addItem(self.chairAppointedSpacer)


        self.chairForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.chairAppointedRow)

        self.chairReviewLabel = QLabel(self.chairGroup)
        self.chairReviewLabel.setObjectName(u"chairReviewLabel")

        self.chairForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.chairReviewLabel)

        self.chairReviewRow = QHBoxLayout()
        self.chairReviewRow.setObjectName(u"chairReviewRow")
        self.chairReviewSet = QCheckBox(self.chairGroup)
        self.chairReviewSet.setObjectName(u"chairReviewSet")

        self.chairReviewRow.addWidget(self.chairReviewSet)

        self.chairReviewEdit = QDateEdit(self.chairGroup)
        self.chairReviewEdit.setObjectName(u"chairReviewEdit")
        self.chairReviewEdit.setCalendarPopup(True)

        self.chairReviewRow.addWidget(self.chairReviewEdit)

        self.chairReviewSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chairReviewRow.addItem(self.chairReviewSpacer)


        self.chairForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.chairReviewRow)


        self.chairLayout.addWidget(self.chairGroup)

        self.coChairGroup = QGroupBox(self.chairTab)
        self.coChairGroup.setObjectName(u"coChairGroup")
        self.coChairForm = QFormLayout(self.coChairGroup)
        self.coChairForm.setObjectName(u"coChairForm")
        self.coChairForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.coChairLabel = QLabel(self.coChairGroup)
        self.coChairLabel.setObjectName(u"coChairLabel")

        self.coChairForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.coChairLabel)

        self.coChairCombo = QComboBox(self.coChairGroup)
        self.coChairCombo.setObjectName(u"coChairCombo")

        self.coChairForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.coChairCombo)

        self.coChairAppointedLabel = QLabel(self.coChairGroup)
        self.coChairAppointedLabel.setObjectName(u"coChairAppointedLabel")

        self.coChairForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.coChairAppointedLabel)

        self.coChairAppointedRow = QHBoxLayout()
        self.coChairAppointedRow.setObjectName(u"coChairAppointedRow")
        self.coChairAppointedSet = QCheckBox(self.coChairGroup)
        self.coChairAppointedSet.setObjectName(u"coChairAppointedSet")

        self.coChairAppointedRow.addWidget(self.coChairAppointedSet)

        self.coChairAppointedEdit = QDateEdit(self.coChairGroup)
        self.coChairAppointedEdit.setObjectName(u"coChairAppointedEdit")
        self.coChairAppointedEdit.setCalendarPopup(True)

        self.coChairAppointedRow.addWidget(self.coChairAppointedEdit)

        self.coChairAppointedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.coChairAppointedRow.addItem(self.coChairAppointedSpacer)


        self.coChairForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.coChairAppointedRow)

        self.coChairReviewLabel = QLabel(self.coChairGroup)
        self.coChairReviewLabel.setObjectName(u"coChairReviewLabel")

        self.coChairForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.coChairReviewLabel)

        self.coChairReviewRow = QHBoxLayout()
        self.coChairReviewRow.setObjectName(u"coChairReviewRow")
        self.coChairReviewSet = QCheckBox(self.coChairGroup)
        self.coChairReviewSet.setObjectName(u"coChairReviewSet")

        self.coChairReviewRow.addWidget(self.coChairReviewSet)

        self.coChairReviewEdit = QDateEdit(self.coChairGroup)
        self.coChairReviewEdit.setObjectName(u"coChairReviewEdit")
        self.coChairReviewEdit.setCalendarPopup(True)

        self.coChairReviewRow.addWidget(self.coChairReviewEdit)

        self.coChairReviewSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.coChairReviewRow.addItem(self.coChairReviewSpacer)


        self.coChairForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.coChairReviewRow)


        self.chairLayout.addWidget(self.coChairGroup)

        self.chairBottomSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.chairLayout.addItem(self.chairBottomSpacer)

        self.tabs.addTab(self.chairTab, "")
        self.torTab = QWidget()
        self.torTab.setObjectName(u"torTab")
        self.torForm = QFormLayout(self.torTab)
        self.torForm.setObjectName(u"torForm")
        self.torForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.torVersionLabel = QLabel(self.torTab)
        self.torVersionLabel.setObjectName(u"torVersionLabel")

        self.torForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.torVersionLabel)

        self.torVersionEdit = QLineEdit(self.torTab)
        self.torVersionEdit.setObjectName(u"torVersionEdit")

        self.torForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.torVersionEdit)

        self.torSignedOffLabel = QLabel(self.torTab)
        self.torSignedOffLabel.setObjectName(u"torSignedOffLabel")

        self.torForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.torSignedOffLabel)

        self.torSignedOffRow = QHBoxLayout()
        self.torSignedOffRow.setObjectName(u"torSignedOffRow")
        self.torSignedOffSet = QCheckBox(self.torTab)
        self.torSignedOffSet.setObjectName(u"torSignedOffSet")

        self.torSignedOffRow.addWidget(self.torSignedOffSet)

        self.torSignedOffEdit = QDateEdit(self.torTab)
        self.torSignedOffEdit.setObjectName(u"torSignedOffEdit")
        self.torSignedOffEdit.setCalendarPopup(True)

        self.torSignedOffRow.addWidget(self.torSignedOffEdit)

        self.torSignedOffSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.torSignedOffRow.addItem(self.torSignedOffSpacer)


        self.torForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.torSignedOffRow)

        self.torReviewLabel = QLabel(self.torTab)
        self.torReviewLabel.setObjectName(u"torReviewLabel")

        self.torForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.torReviewLabel)

        self.torReviewRow = QHBoxLayout()
        self.torReviewRow.setObjectName(u"torReviewRow")
        self.torReviewSet = QCheckBox(self.torTab)
        self.torReviewSet.setObjectName(u"torReviewSet")

        self.torReviewRow.addWidget(self.torReviewSet)

        self.torReviewEdit = QDateEdit(self.torTab)
        self.torReviewEdit.setObjectName(u"torReviewEdit")
        self.torReviewEdit.setCalendarPopup(True)

        self.torReviewRow.addWidget(self.torReviewEdit)

        self.torReviewSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.torReviewRow.addItem(self.torReviewSpacer)


        self.torForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.torReviewRow)

        self.tabs.addTab(self.torTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(SubcommitteeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SubcommitteeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.partnershipLabel.setBuddy(self.partnershipEdit)
        self.reportingLineLabel.setBuddy(self.reportingLineEdit)
        self.frequencyLabel.setBuddy(self.frequencySpin)
        self.attendanceLabel.setBuddy(self.attendanceSpin)
        self.quorumKindLabel.setBuddy(self.quorumKindCombo)
        self.quorumCountLabel.setBuddy(self.quorumCountSpin)
        self.othersUnitLabel.setBuddy(self.othersUnitCombo)
        self.quorumAgenciesLabel.setBuddy(self.quorumAgencyList)
        self.sharedSeatsLabel.setBuddy(self.sharedSeatList)
        self.chairLabel.setBuddy(self.chairCombo)
        self.chairAppointedLabel.setBuddy(self.chairAppointedSet)
        self.chairReviewLabel.setBuddy(self.chairReviewSet)
        self.coChairLabel.setBuddy(self.coChairCombo)
        self.coChairAppointedLabel.setBuddy(self.coChairAppointedSet)
        self.coChairReviewLabel.setBuddy(self.coChairReviewSet)
        self.torVersionLabel.setBuddy(self.torVersionEdit)
        self.torSignedOffLabel.setBuddy(self.torSignedOffSet)
        self.torReviewLabel.setBuddy(self.torReviewSet)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.shortNameEdit)
        QWidget.setTabOrder(self.shortNameEdit, self.partnershipEdit)
        QWidget.setTabOrder(self.partnershipEdit, self.reportingLineEdit)
        QWidget.setTabOrder(self.reportingLineEdit, self.frequencySpin)
        QWidget.setTabOrder(self.frequencySpin, self.frequencyUnitCombo)
        QWidget.setTabOrder(self.frequencyUnitCombo, self.attendanceSpin)
        QWidget.setTabOrder(self.attendanceSpin, self.deputyCountsCheck)
        QWidget.setTabOrder(self.deputyCountsCheck, self.quorumKindCombo)
        QWidget.setTabOrder(self.quorumKindCombo, self.quorumCountSpin)
        QWidget.setTabOrder(self.quorumCountSpin, self.othersUnitCombo)
        QWidget.setTabOrder(self.othersUnitCombo, self.statutorySetRadio)
        QWidget.setTabOrder(self.statutorySetRadio, self.leadSetRadio)
        QWidget.setTabOrder(self.leadSetRadio, self.namedSetRadio)
        QWidget.setTabOrder(self.namedSetRadio, self.anySetRadio)
        QWidget.setTabOrder(self.anySetRadio, self.quorumAgencyList)
        QWidget.setTabOrder(self.quorumAgencyList, self.sharedSeatList)
        QWidget.setTabOrder(self.sharedSeatList, self.shareSeatButton)
        QWidget.setTabOrder(self.shareSeatButton, self.removeSeatButton)
        QWidget.setTabOrder(self.removeSeatButton, self.chairMayProceedRadio)
        QWidget.setTabOrder(self.chairMayProceedRadio, self.mustReconveneRadio)
        QWidget.setTabOrder(self.mustReconveneRadio, self.chairCombo)
        QWidget.setTabOrder(self.chairCombo, self.chairAppointedSet)
        QWidget.setTabOrder(self.chairAppointedSet, self.chairAppointedEdit)
        QWidget.setTabOrder(self.chairAppointedEdit, self.chairReviewSet)
        QWidget.setTabOrder(self.chairReviewSet, self.chairReviewEdit)
        QWidget.setTabOrder(self.chairReviewEdit, self.coChairCombo)
        QWidget.setTabOrder(self.coChairCombo, self.coChairAppointedSet)
        QWidget.setTabOrder(self.coChairAppointedSet, self.coChairAppointedEdit)
        QWidget.setTabOrder(self.coChairAppointedEdit, self.coChairReviewSet)
        QWidget.setTabOrder(self.coChairReviewSet, self.coChairReviewEdit)
        QWidget.setTabOrder(self.coChairReviewEdit, self.torVersionEdit)
        QWidget.setTabOrder(self.torVersionEdit, self.torSignedOffSet)
        QWidget.setTabOrder(self.torSignedOffSet, self.torSignedOffEdit)
        QWidget.setTabOrder(self.torSignedOffEdit, self.torReviewSet)
        QWidget.setTabOrder(self.torReviewSet, self.torReviewEdit)
        QWidget.setTabOrder(self.torReviewEdit, self.buttonBox)

        self.retranslateUi(SubcommitteeDialog)
        self.buttonBox.accepted.connect(SubcommitteeDialog.accept)
        self.buttonBox.rejected.connect(SubcommitteeDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SubcommitteeDialog)
    # setupUi

    def retranslateUi(self, SubcommitteeDialog):
        SubcommitteeDialog.setWindowTitle(QCoreApplication.translate("SubcommitteeDialog", u"Subcommittee settings", None))
        self.nameLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SubcommitteeDialog", u"e.g. Monitoring, Quality & Performance Subcommittee", None))
        self.shortNameLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Sh&ort name:", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("SubcommitteeDialog", u"e.g. MQ&P", None))
#if QT_CONFIG(tooltip)
        self.shortNameEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Used in window titles, file names and exports.", None))
#endif // QT_CONFIG(tooltip)
        self.partnershipLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Partnership:", None))
        self.partnershipEdit.setPlaceholderText(QCoreApplication.translate("SubcommitteeDialog", u"e.g. Wandsworth Safeguarding Children Partnership", None))
        self.reportingLineLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Reports &to:", None))
        self.reportingLineEdit.setPlaceholderText(QCoreApplication.translate("SubcommitteeDialog", u"e.g. WSCP Executive", None))
#if QT_CONFIG(tooltip)
        self.reportingLineEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Who the chair reports to each quarter (ToR 2, 6).", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.generalTab), QCoreApplication.translate("SubcommitteeDialog", u"&General", None))
        self.frequencyLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Meet &every:", None))
#if QT_CONFIG(tooltip)
        self.frequencySpin.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"How often ordinary meetings are held; extraordinary meetings can be added at any time (ToR 5).", None))
#endif // QT_CONFIG(tooltip)
        self.frequencyUnitCombo.setItemText(0, QCoreApplication.translate("SubcommitteeDialog", u"weeks", None))
        self.frequencyUnitCombo.setItemText(1, QCoreApplication.translate("SubcommitteeDialog", u"months", None))

        self.frequencyHint.setText("")
        self.attendanceLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Attendance standard:", None))
        self.attendanceSpin.setSuffix(QCoreApplication.translate("SubcommitteeDialog", u" %", None))
#if QT_CONFIG(tooltip)
        self.attendanceSpin.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Members and agencies attending fewer than this share of meetings are listed as below the standard (ToR 5: 80%).", None))
#endif // QT_CONFIG(tooltip)
        self.attendanceHint.setText(QCoreApplication.translate("SubcommitteeDialog", u"Those below the standard are asked to nominate a permanent substitute (ToR 5).", None))
        self.deputyCountsCheck.setText(QCoreApplication.translate("SubcommitteeDialog", u"A &deputy's attendance counts towards the member's own rate", None))
#if QT_CONFIG(tooltip)
        self.deputyCountsCheck.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"A deputy always counts for their member's agency (and for quorum). Ticked, the member's own attendance rate counts it too; unticked, it is shown apart (By deputy).", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.meetingsTab), QCoreApplication.translate("SubcommitteeDialog", u"&Meetings && attendance", None))
        self.quorumKindLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Quorate &when:", None))
        self.quorumKindCombo.setItemText(0, QCoreApplication.translate("SubcommitteeDialog", u"At least N agencies are present", None))
        self.quorumKindCombo.setItemText(1, QCoreApplication.translate("SubcommitteeDialog", u"Every agency of a set is present", None))
        self.quorumKindCombo.setItemText(2, QCoreApplication.translate("SubcommitteeDialog", u"Every agency of a set and at least N others are present", None))
        self.quorumKindCombo.setItemText(3, QCoreApplication.translate("SubcommitteeDialog", u"No quorum is set in the Terms of Reference", None))

#if QT_CONFIG(tooltip)
        self.quorumKindCombo.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The kind of rule the Terms of Reference write (ToR 3).", None))
#endif // QT_CONFIG(tooltip)
        self.quorumCountLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Number needed:", None))
        self.othersUnitLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"others, c&ounted as", None))
        self.othersUnitCombo.setItemText(0, QCoreApplication.translate("SubcommitteeDialog", u"agencies", None))
        self.othersUnitCombo.setItemText(1, QCoreApplication.translate("SubcommitteeDialog", u"members", None))

#if QT_CONFIG(tooltip)
        self.othersUnitCombo.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Agencies: each other agency present counts once. Members: each other member who attends, in person or by deputy, counts once.", None))
#endif // QT_CONFIG(tooltip)
        self.quorumSetLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Counting:", None))
        self.statutorySetRadio.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Statutory agencies", None))
#if QT_CONFIG(tooltip)
        self.statutorySetRadio.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The agencies marked 'statutory' in the register (ToR 3).", None))
#endif // QT_CONFIG(tooltip)
        self.leadSetRadio.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Lead safeguarding partners", None))
#if QT_CONFIG(tooltip)
        self.leadSetRadio.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The agencies whose partner class is 'lead safeguarding partner' (the local authority, the ICB and the police).", None))
#endif // QT_CONFIG(tooltip)
        self.namedSetRadio.setText(QCoreApplication.translate("SubcommitteeDialog", u"N&amed agencies (tick them below)", None))
        self.anySetRadio.setText(QCoreApplication.translate("SubcommitteeDialog", u"Any a&gency", None))
#if QT_CONFIG(tooltip)
        self.anySetRadio.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Different agencies of any kind, e.g. 'at least 5 partner organisations'.", None))
#endif // QT_CONFIG(tooltip)
        self.quorumAgenciesLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Na&med agencies:", None))
#if QT_CONFIG(tooltip)
        self.quorumAgencyList.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Tick the agencies the rule counts. To let any one of several agencies fill one seat, select them (Ctrl+click) and press 'Share a seat'.", None))
#endif // QT_CONFIG(tooltip)
        self.sharedSeatsLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"S&hared seats:", None))
#if QT_CONFIG(tooltip)
        self.sharedSeatList.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Seats any one of several agencies fills, e.g. 'the ICB or another nominated health trust': each counts once, whichever attends.", None))
#endif // QT_CONFIG(tooltip)
        self.shareSeatButton.setText(QCoreApplication.translate("SubcommitteeDialog", u"Share a sea&t", None))
#if QT_CONFIG(tooltip)
        self.shareSeatButton.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Make the agencies selected above one shared seat (select two or more with Ctrl+click).", None))
#endif // QT_CONFIG(tooltip)
        self.removeSeatButton.setText(QCoreApplication.translate("SubcommitteeDialog", u"Remo&ve seat", None))
#if QT_CONFIG(tooltip)
        self.removeSeatButton.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Its agencies become seats of their own again.", None))
#endif // QT_CONFIG(tooltip)
        self.chairProceedLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"If not quorate:", None))
        self.chairMayProceedRadio.setText(QCoreApplication.translate("SubcommitteeDialog", u"the &chair may decide to proceed or reconvene", None))
        self.mustReconveneRadio.setText(QCoreApplication.translate("SubcommitteeDialog", u"the meeting must be &reconvened", None))
        self.quorumPreviewGroup.setTitle(QCoreApplication.translate("SubcommitteeDialog", u"The rule in words", None))
        self.quorumPreviewLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.quorumTab), QCoreApplication.translate("SubcommitteeDialog", u"&Quorum", None))
        self.chairGroup.setTitle(QCoreApplication.translate("SubcommitteeDialog", u"Chair", None))
        self.chairLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Chair:", None))
        self.chairAppointedLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Appo&inted:", None))
#if QT_CONFIG(tooltip)
        self.chairAppointedSet.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The date the chair was appointed.", None))
#endif // QT_CONFIG(tooltip)
        self.chairAppointedSet.setText("")
        self.chairAppointedEdit.setDisplayFormat(QCoreApplication.translate("SubcommitteeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.chairAppointedEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The date the chair was appointed.", None))
#endif // QT_CONFIG(tooltip)
        self.chairReviewLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Re&view due:", None))
#if QT_CONFIG(tooltip)
        self.chairReviewSet.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Chairing is reviewed every year (ToR 2): the review date defaults to a year after the appointment.", None))
#endif // QT_CONFIG(tooltip)
        self.chairReviewSet.setText("")
        self.chairReviewEdit.setDisplayFormat(QCoreApplication.translate("SubcommitteeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.chairReviewEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Chairing is reviewed every year (ToR 2): the review date defaults to a year after the appointment.", None))
#endif // QT_CONFIG(tooltip)
        self.coChairGroup.setTitle(QCoreApplication.translate("SubcommitteeDialog", u"Co-chair", None))
        self.coChairLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"C&o-chair:", None))
        self.coChairAppointedLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"A&ppointed:", None))
#if QT_CONFIG(tooltip)
        self.coChairAppointedSet.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The date the co-chair was appointed.", None))
#endif // QT_CONFIG(tooltip)
        self.coChairAppointedSet.setText("")
        self.coChairAppointedEdit.setDisplayFormat(QCoreApplication.translate("SubcommitteeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.coChairAppointedEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The date the co-chair was appointed.", None))
#endif // QT_CONFIG(tooltip)
        self.coChairReviewLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"Review d&ue:", None))
#if QT_CONFIG(tooltip)
        self.coChairReviewSet.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Chairing is reviewed every year (ToR 2): the review date defaults to a year after the appointment.", None))
#endif // QT_CONFIG(tooltip)
        self.coChairReviewSet.setText("")
        self.coChairReviewEdit.setDisplayFormat(QCoreApplication.translate("SubcommitteeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.coChairReviewEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"Chairing is reviewed every year (ToR 2): the review date defaults to a year after the appointment.", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.chairTab), QCoreApplication.translate("SubcommitteeDialog", u"C&hair", None))
        self.torVersionLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Version:", None))
        self.torVersionEdit.setPlaceholderText(QCoreApplication.translate("SubcommitteeDialog", u"e.g. January 2023", None))
        self.torSignedOffLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Signed off:", None))
#if QT_CONFIG(tooltip)
        self.torSignedOffSet.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The date the Terms of Reference were signed off.", None))
#endif // QT_CONFIG(tooltip)
        self.torSignedOffSet.setText("")
        self.torSignedOffEdit.setDisplayFormat(QCoreApplication.translate("SubcommitteeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.torSignedOffEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The date the Terms of Reference were signed off.", None))
#endif // QT_CONFIG(tooltip)
        self.torReviewLabel.setText(QCoreApplication.translate("SubcommitteeDialog", u"&Review due:", None))
#if QT_CONFIG(tooltip)
        self.torReviewSet.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The Terms of Reference are reviewed every year (ToR 12): the review date defaults to a year after sign-off.", None))
#endif // QT_CONFIG(tooltip)
        self.torReviewSet.setText("")
        self.torReviewEdit.setDisplayFormat(QCoreApplication.translate("SubcommitteeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.torReviewEdit.setToolTip(QCoreApplication.translate("SubcommitteeDialog", u"The Terms of Reference are reviewed every year (ToR 12): the review date defaults to a year after sign-off.", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.torTab), QCoreApplication.translate("SubcommitteeDialog", u"&Terms of Reference", None))
        self.errorLabel.setText("")
    # retranslateUi

