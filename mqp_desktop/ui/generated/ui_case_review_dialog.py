# Automatically generated - do not edit.
# Source: forms/case_review_dialog.ui (sha256 8e10786dad5a0bc902a41f0e1bdb517b9d2c2f49faf46875151b3cd0b6cb6441)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_review_dialog.ui'
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

class Ui_CaseReviewDialog(object):
    def setupUi(self, CaseReviewDialog):
        if not CaseReviewDialog.objectName():
            CaseReviewDialog.setObjectName(u"CaseReviewDialog")
        CaseReviewDialog.resize(600, 380)
        CaseReviewDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(CaseReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CaseReviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(CaseReviewDialog)
        self.tabs.setObjectName(u"tabs")
        self.caseTab = QWidget()
        self.caseTab.setObjectName(u"caseTab")
        self.caseTabLayout = QVBoxLayout(self.caseTab)
        self.caseTabLayout.setObjectName(u"caseTabLayout")
        self.caseTabForm = QFormLayout()
        self.caseTabForm.setObjectName(u"caseTabForm")
        self.caseTabForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.referenceEditLabel = QLabel(self.caseTab)
        self.referenceEditLabel.setObjectName(u"referenceEditLabel")

        self.caseTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceEditLabel)

        self.referenceEdit = QLineEdit(self.caseTab)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.caseTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.kindComboLabel = QLabel(self.caseTab)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.caseTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(self.caseTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.caseTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.kindOtherEditLabel = QLabel(self.caseTab)
        self.kindOtherEditLabel.setObjectName(u"kindOtherEditLabel")

        self.caseTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindOtherEditLabel)

        self.kindOtherEdit = QLineEdit(self.caseTab)
        self.kindOtherEdit.setObjectName(u"kindOtherEdit")

        self.caseTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindOtherEdit)

        self.referredEditLabel = QLabel(self.caseTab)
        self.referredEditLabel.setObjectName(u"referredEditLabel")

        self.caseTabForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referredEditLabel)

        self.referredEdit = QDateEdit(self.caseTab)
        self.referredEdit.setObjectName(u"referredEdit")
        self.referredEdit.setCalendarPopup(True)

        self.caseTabForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.referredEdit)

        self.rapidCheckLabel = QLabel(self.caseTab)
        self.rapidCheckLabel.setObjectName(u"rapidCheckLabel")

        self.caseTabForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rapidCheckLabel)

        self.rapidEditRow = QHBoxLayout()
        self.rapidEditRow.setObjectName(u"rapidEditRow")
        self.rapidCheck = QCheckBox(self.caseTab)
        self.rapidCheck.setObjectName(u"rapidCheck")

        self.rapidEditRow.addWidget(self.rapidCheck)

        self.rapidEdit = QDateEdit(self.caseTab)
        self.rapidEdit.setObjectName(u"rapidEdit")
        self.rapidEdit.setCalendarPopup(True)

        self.rapidEditRow.addWidget(self.rapidEdit)

        self.rapidEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rapidEditRow.addItem(self.rapidEditSpacer)


        self.caseTabForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.rapidEditRow)

        self.publishedCheckLabel = QLabel(self.caseTab)
        self.publishedCheckLabel.setObjectName(u"publishedCheckLabel")

        self.caseTabForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.publishedCheckLabel)

        self.publishedEditRow = QHBoxLayout()
        self.publishedEditRow.setObjectName(u"publishedEditRow")
        self.publishedCheck = QCheckBox(self.caseTab)
        self.publishedCheck.setObjectName(u"publishedCheck")

        self.publishedEditRow.addWidget(self.publishedCheck)

        self.publishedEdit = QDateEdit(self.caseTab)
        self.publishedEdit.setObjectName(u"publishedEdit")
        self.publishedEdit.setCalendarPopup(True)

        self.publishedEditRow.addWidget(self.publishedEdit)

        self.publishedEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.publishedEditRow.addItem(self.publishedEditSpacer)


        self.caseTabForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.publishedEditRow)

        self.meetingComboLabel = QLabel(self.caseTab)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.caseTabForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(self.caseTab)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.caseTabForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.meetingCombo)


        self.caseTabLayout.addLayout(self.caseTabForm)

        self.caseTabStretch = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.caseTabLayout.addItem(self.caseTabStretch)

        self.tabs.addTab(self.caseTab, "")
        self.agenciesTab = QWidget()
        self.agenciesTab.setObjectName(u"agenciesTab")
        self.agenciesTabLayout = QVBoxLayout(self.agenciesTab)
        self.agenciesTabLayout.setObjectName(u"agenciesTabLayout")
        self.agencyList = QListWidget(self.agenciesTab)
        self.agencyList.setObjectName(u"agencyList")

        self.agenciesTabLayout.addWidget(self.agencyList)

        self.agenciesTabLayout.setStretch(0, 1)
        self.tabs.addTab(self.agenciesTab, "")
        self.learningTab = QWidget()
        self.learningTab.setObjectName(u"learningTab")
        self.learningTabLayout = QVBoxLayout(self.learningTab)
        self.learningTabLayout.setObjectName(u"learningTabLayout")
        self.learningTabForm = QFormLayout()
        self.learningTabForm.setObjectName(u"learningTabForm")
        self.learningTabForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.concernsEditLabel = QLabel(self.learningTab)
        self.concernsEditLabel.setObjectName(u"concernsEditLabel")

        self.learningTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.concernsEditLabel)

        self.concernsEdit = QPlainTextEdit(self.learningTab)
        self.concernsEdit.setObjectName(u"concernsEdit")
        self.concernsEdit.setTabChangesFocus(True)
        self.concernsEdit.setMaximumSize(QSize(16777215, 90))

        self.learningTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.concernsEdit)

        self.learningEditLabel = QLabel(self.learningTab)
        self.learningEditLabel.setObjectName(u"learningEditLabel")

        self.learningTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.learningEditLabel)

        self.learningEdit = QPlainTextEdit(self.learningTab)
        self.learningEdit.setObjectName(u"learningEdit")
        self.learningEdit.setTabChangesFocus(True)
        self.learningEdit.setMaximumSize(QSize(16777215, 90))

        self.learningTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.learningEdit)

        self.notesEditLabel = QLabel(self.learningTab)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.learningTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.learningTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 60))

        self.learningTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.learningTabLayout.addLayout(self.learningTabForm)

        self.learningTabStretch = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.learningTabLayout.addItem(self.learningTabStretch)

        self.tabs.addTab(self.learningTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(CaseReviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CaseReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.referenceEditLabel.setBuddy(self.referenceEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.kindOtherEditLabel.setBuddy(self.kindOtherEdit)
        self.referredEditLabel.setBuddy(self.referredEdit)
        self.rapidCheckLabel.setBuddy(self.rapidCheck)
        self.publishedCheckLabel.setBuddy(self.publishedCheck)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.concernsEditLabel.setBuddy(self.concernsEdit)
        self.learningEditLabel.setBuddy(self.learningEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseReviewDialog)
        self.buttonBox.accepted.connect(CaseReviewDialog.accept)
        self.buttonBox.rejected.connect(CaseReviewDialog.reject)

        QMetaObject.connectSlotsByName(CaseReviewDialog)
    # setupUi

    def retranslateUi(self, CaseReviewDialog):
        CaseReviewDialog.setWindowTitle(QCoreApplication.translate("CaseReviewDialog", u"Case review", None))
        self.introLabel.setText("")
        self.referenceEditLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"&Case reference:", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("CaseReviewDialog", u"e.g. LCSPR-2025-02 \u2014 never a child's name", None))
#if QT_CONFIG(tooltip)
        self.referenceEdit.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"The case's own reference (from the case record or the review's list): a reference that looks like a person's name is refused", None))
#endif // QT_CONFIG(tooltip)
        self.kindComboLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"&Kind:", None))
        self.kindOtherEditLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"Kind in &words:", None))
        self.kindOtherEdit.setPlaceholderText(QCoreApplication.translate("CaseReviewDialog", u"with Other: e.g. Multi-agency learning review", None))
        self.referredEditLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"&Referred on:", None))
#if QT_CONFIG(tooltip)
        self.referredEdit.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"When the case came to the partnership", None))
#endif // QT_CONFIG(tooltip)
        self.rapidCheckLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"Rapid re&view:", None))
        self.rapidCheck.setText("")
#if QT_CONFIG(tooltip)
        self.rapidCheck.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"The date of the rapid review", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.rapidEdit.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"The date of the rapid review", None))
#endif // QT_CONFIG(tooltip)
        self.publishedCheckLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"&Published:", None))
        self.publishedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.publishedCheck.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"The date the review was published", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.publishedEdit.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"The date the review was published", None))
#endif // QT_CONFIG(tooltip)
        self.meetingComboLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"Reviewed &at:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"The subcommittee meeting that reviewed it", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.caseTab), QCoreApplication.translate("CaseReviewDialog", u"Case", None))
#if QT_CONFIG(tooltip)
        self.agencyList.setToolTip(QCoreApplication.translate("CaseReviewDialog", u"Tick the agencies involved in the case", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.agenciesTab), QCoreApplication.translate("CaseReviewDialog", u"Agencies involved", None))
        self.concernsEditLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"C&oncerns:", None))
        self.learningEditLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"&Learning:", None))
        self.notesEditLabel.setText(QCoreApplication.translate("CaseReviewDialog", u"&Notes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.learningTab), QCoreApplication.translate("CaseReviewDialog", u"Concerns && learning", None))
        self.errorLabel.setText("")
    # retranslateUi

