# Automatically generated - do not edit.
# Source: forms/inspection_dialog.ui (sha256 1866c79826becedfd921903cb0d5ad3e5813d6ad6ed64eaf2c9837eca8bb940e)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_dialog.ui'
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

class Ui_InspectionDialog(object):
    def setupUi(self, InspectionDialog):
        if not InspectionDialog.objectName():
            InspectionDialog.setObjectName(u"InspectionDialog")
        InspectionDialog.resize(620, 440)
        InspectionDialog.setMinimumSize(QSize(540, 0))
        self.mainLayout = QVBoxLayout(InspectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(InspectionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(InspectionDialog)
        self.tabs.setObjectName(u"tabs")
        self.inspectionTab = QWidget()
        self.inspectionTab.setObjectName(u"inspectionTab")
        self.inspectionForm = QFormLayout(self.inspectionTab)
        self.inspectionForm.setObjectName(u"inspectionForm")
        self.inspectionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.agencyLabel = QLabel(self.inspectionTab)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.inspectionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(self.inspectionTab)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.inspectionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.inspectorateLabel = QLabel(self.inspectionTab)
        self.inspectorateLabel.setObjectName(u"inspectorateLabel")

        self.inspectionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.inspectorateLabel)

        self.inspectorateCombo = QComboBox(self.inspectionTab)
        self.inspectorateCombo.setObjectName(u"inspectorateCombo")

        self.inspectionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.inspectorateCombo)

        self.inspectorateNameLabel = QLabel(self.inspectionTab)
        self.inspectorateNameLabel.setObjectName(u"inspectorateNameLabel")

        self.inspectionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.inspectorateNameLabel)

        self.inspectorateNameEdit = QLineEdit(self.inspectionTab)
        self.inspectorateNameEdit.setObjectName(u"inspectorateNameEdit")

        self.inspectionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.inspectorateNameEdit)

        self.typeLabel = QLabel(self.inspectionTab)
        self.typeLabel.setObjectName(u"typeLabel")

        self.inspectionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.inspectionTab)
        self.typeCombo.setObjectName(u"typeCombo")
        self.typeCombo.setEditable(True)

        self.inspectionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.inspectedLabel = QLabel(self.inspectionTab)
        self.inspectedLabel.setObjectName(u"inspectedLabel")

        self.inspectionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.inspectedLabel)

        self.inspectedRow = QHBoxLayout()
        self.inspectedRow.setObjectName(u"inspectedRow")
        self.fromCheck = QCheckBox(self.inspectionTab)
        self.fromCheck.setObjectName(u"fromCheck")

        self.inspectedRow.addWidget(self.fromCheck)

        self.fromEdit = QDateEdit(self.inspectionTab)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.inspectedRow.addWidget(self.fromEdit)

        self.toLabel = QLabel(self.inspectionTab)
        self.toLabel.setObjectName(u"toLabel")

        self.inspectedRow.addWidget(self.toLabel)

        self.toCheck = QCheckBox(self.inspectionTab)
        self.toCheck.setObjectName(u"toCheck")

        self.inspectedRow.addWidget(self.toCheck)

        self.toEdit = QDateEdit(self.inspectionTab)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)

        self.inspectedRow.addWidget(self.toEdit)

        self.inspectedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.inspectedRow.addItem(self.inspectedSpacer)


        self.inspectionForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.inspectedRow)

        self.publishedLabel = QLabel(self.inspectionTab)
        self.publishedLabel.setObjectName(u"publishedLabel")

        self.inspectionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.publishedLabel)

        self.publishedRow = QHBoxLayout()
        self.publishedRow.setObjectName(u"publishedRow")
        self.publishedCheck = QCheckBox(self.inspectionTab)
        self.publishedCheck.setObjectName(u"publishedCheck")

        self.publishedRow.addWidget(self.publishedCheck)

        self.publishedEdit = QDateEdit(self.inspectionTab)
        self.publishedEdit.setObjectName(u"publishedEdit")
        self.publishedEdit.setCalendarPopup(True)

        self.publishedRow.addWidget(self.publishedEdit)

        self.publishedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.publishedRow.addItem(self.publishedSpacer)


        self.inspectionForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.publishedRow)

        self.judgementLabel = QLabel(self.inspectionTab)
        self.judgementLabel.setObjectName(u"judgementLabel")

        self.inspectionForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.judgementLabel)

        self.judgementCombo = QComboBox(self.inspectionTab)
        self.judgementCombo.setObjectName(u"judgementCombo")
        self.judgementCombo.setEditable(True)

        self.inspectionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.judgementCombo)

        self.followUpLabel = QLabel(self.inspectionTab)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.inspectionForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpCombo = QComboBox(self.inspectionTab)
        self.followUpCombo.setObjectName(u"followUpCombo")

        self.inspectionForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.followUpCombo)

        self.nextReviewLabel = QLabel(self.inspectionTab)
        self.nextReviewLabel.setObjectName(u"nextReviewLabel")

        self.inspectionForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.nextReviewLabel)

        self.nextReviewRow = QHBoxLayout()
        self.nextReviewRow.setObjectName(u"nextReviewRow")
        self.nextReviewCheck = QCheckBox(self.inspectionTab)
        self.nextReviewCheck.setObjectName(u"nextReviewCheck")

        self.nextReviewRow.addWidget(self.nextReviewCheck)

        self.nextReviewEdit = QDateEdit(self.inspectionTab)
        self.nextReviewEdit.setObjectName(u"nextReviewEdit")
        self.nextReviewEdit.setCalendarPopup(True)

        self.nextReviewRow.addWidget(self.nextReviewEdit)

        self.nextReviewSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nextReviewRow.addItem(self.nextReviewSpacer)


        self.inspectionForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.nextReviewRow)

        self.tabs.addTab(self.inspectionTab, "")
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

        self.lessonsLabel = QLabel(self.findingsTab)
        self.lessonsLabel.setObjectName(u"lessonsLabel")

        self.findingsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lessonsLabel)

        self.lessonsEdit = QPlainTextEdit(self.findingsTab)
        self.lessonsEdit.setObjectName(u"lessonsEdit")
        self.lessonsEdit.setTabChangesFocus(True)

        self.findingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lessonsEdit)

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

        self.errorLabel = QLabel(InspectionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(InspectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.inspectorateLabel.setBuddy(self.inspectorateCombo)
        self.inspectorateNameLabel.setBuddy(self.inspectorateNameEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.inspectedLabel.setBuddy(self.fromCheck)
        self.publishedLabel.setBuddy(self.publishedEdit)
        self.judgementLabel.setBuddy(self.judgementCombo)
        self.followUpLabel.setBuddy(self.followUpCombo)
        self.nextReviewLabel.setBuddy(self.nextReviewEdit)
        self.findingsLabel.setBuddy(self.findingsEdit)
        self.lessonsLabel.setBuddy(self.lessonsEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.inspectorateCombo)
        QWidget.setTabOrder(self.inspectorateCombo, self.inspectorateNameEdit)
        QWidget.setTabOrder(self.inspectorateNameEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.fromCheck)
        QWidget.setTabOrder(self.fromCheck, self.fromEdit)
        QWidget.setTabOrder(self.fromEdit, self.toCheck)
        QWidget.setTabOrder(self.toCheck, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.publishedCheck)
        QWidget.setTabOrder(self.publishedCheck, self.publishedEdit)
        QWidget.setTabOrder(self.publishedEdit, self.judgementCombo)
        QWidget.setTabOrder(self.judgementCombo, self.followUpCombo)
        QWidget.setTabOrder(self.followUpCombo, self.nextReviewCheck)
        QWidget.setTabOrder(self.nextReviewCheck, self.nextReviewEdit)
        QWidget.setTabOrder(self.nextReviewEdit, self.findingsEdit)
        QWidget.setTabOrder(self.findingsEdit, self.lessonsEdit)
        QWidget.setTabOrder(self.lessonsEdit, self.notesEdit)

        self.retranslateUi(InspectionDialog)
        self.buttonBox.accepted.connect(InspectionDialog.accept)
        self.buttonBox.rejected.connect(InspectionDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(InspectionDialog)
    # setupUi

    def retranslateUi(self, InspectionDialog):
        InspectionDialog.setWindowTitle(QCoreApplication.translate("InspectionDialog", u"Inspection", None))
        self.introLabel.setText("")
        self.agencyLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Agency:", None))
        self.inspectorateLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Inspectorate:", None))
        self.inspectorateNameLabel.setText(QCoreApplication.translate("InspectionDialog", u"Its &name:", None))
        self.inspectorateNameEdit.setPlaceholderText(QCoreApplication.translate("InspectionDialog", u"for another inspectorate, e.g. Ofqual", None))
        self.typeLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Type:", None))
        self.inspectedLabel.setText(QCoreApplication.translate("InspectionDialog", u"Inspected:", None))
        self.fromCheck.setText("")
#if QT_CONFIG(tooltip)
        self.fromCheck.setToolTip(QCoreApplication.translate("InspectionDialog", u"Tick to give the first day of the inspection", None))
#endif // QT_CONFIG(tooltip)
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"dd/MM/yyyy", None))
        self.toLabel.setText(QCoreApplication.translate("InspectionDialog", u"to", None))
        self.toCheck.setText("")
#if QT_CONFIG(tooltip)
        self.toCheck.setToolTip(QCoreApplication.translate("InspectionDialog", u"Tick to give its last day", None))
#endif // QT_CONFIG(tooltip)
        self.toEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"dd/MM/yyyy", None))
        self.publishedLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Published:", None))
        self.publishedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.publishedCheck.setToolTip(QCoreApplication.translate("InspectionDialog", u"Tick once the report is published", None))
#endif // QT_CONFIG(tooltip)
        self.publishedEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"dd/MM/yyyy", None))
        self.judgementLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Judgement:", None))
#if QT_CONFIG(tooltip)
        self.judgementCombo.setToolTip(QCoreApplication.translate("InspectionDialog", u"The published judgement: choose a common wording or type the report's own", None))
#endif // QT_CONFIG(tooltip)
        self.followUpLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Follow-up:", None))
        self.nextReviewLabel.setText(QCoreApplication.translate("InspectionDialog", u"Ne&xt review:", None))
        self.nextReviewCheck.setText("")
#if QT_CONFIG(tooltip)
        self.nextReviewCheck.setToolTip(QCoreApplication.translate("InspectionDialog", u"When the subcommittee is next to look at the action plan", None))
#endif // QT_CONFIG(tooltip)
        self.nextReviewEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"dd/MM/yyyy", None))
        self.tabs.setTabText(self.tabs.indexOf(self.inspectionTab), QCoreApplication.translate("InspectionDialog", u"I&nspection", None))
        self.findingsLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Key findings:", None))
        self.lessonsLabel.setText(QCoreApplication.translate("InspectionDialog", u"&Lessons:", None))
        self.lessonsEdit.setPlaceholderText(QCoreApplication.translate("InspectionDialog", u"The lessons for the partnership", None))
        self.notesLabel.setText(QCoreApplication.translate("InspectionDialog", u"N&otes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.findingsTab), QCoreApplication.translate("InspectionDialog", u"&Findings && lessons", None))
        self.errorLabel.setText("")
    # retranslateUi

