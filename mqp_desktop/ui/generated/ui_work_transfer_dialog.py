# Automatically generated - do not edit.
# Source: forms/work_transfer_dialog.ui (sha256 ba091c4e4caa34a0767edb419297b57ee6a03cbf886160458996a40c166ef1ef)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'work_transfer_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_WorkTransferDialog(object):
    def setupUi(self, WorkTransferDialog):
        if not WorkTransferDialog.objectName():
            WorkTransferDialog.setObjectName(u"WorkTransferDialog")
        WorkTransferDialog.resize(620, 440)
        WorkTransferDialog.setMinimumSize(QSize(540, 0))
        self.mainLayout = QVBoxLayout(WorkTransferDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(WorkTransferDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(WorkTransferDialog)
        self.tabs.setObjectName(u"tabs")
        self.letterTab = QWidget()
        self.letterTab.setObjectName(u"letterTab")
        self.letterTabLayout = QVBoxLayout(self.letterTab)
        self.letterTabLayout.setObjectName(u"letterTabLayout")
        self.letterForm = QFormLayout()
        self.letterForm.setObjectName(u"letterForm")
        self.letterForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.directionLabel = QLabel(self.letterTab)
        self.directionLabel.setObjectName(u"directionLabel")

        self.letterForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.directionCombo = QComboBox(self.letterTab)
        self.directionCombo.setObjectName(u"directionCombo")

        self.letterForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.bodyLabel = QLabel(self.letterTab)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.letterForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyCombo = QComboBox(self.letterTab)
        self.bodyCombo.setObjectName(u"bodyCombo")

        self.letterForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.bodyCombo)

        self.writtenLabel = QLabel(self.letterTab)
        self.writtenLabel.setObjectName(u"writtenLabel")

        self.letterForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.writtenLabel)

        self.writtenEdit = QDateEdit(self.letterTab)
        self.writtenEdit.setObjectName(u"writtenEdit")
        self.writtenEdit.setCalendarPopup(True)

        self.letterForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.writtenEdit)

        self.receivedLabel = QLabel(self.letterTab)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.letterForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedEdit = QDateEdit(self.letterTab)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.letterForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.workLabel = QLabel(self.letterTab)
        self.workLabel.setObjectName(u"workLabel")

        self.letterForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.workLabel)

        self.workEdit = QPlainTextEdit(self.letterTab)
        self.workEdit.setObjectName(u"workEdit")
        self.workEdit.setTabChangesFocus(True)

        self.letterForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.workEdit)


        self.letterTabLayout.addLayout(self.letterForm)

        self.tabs.addTab(self.letterTab, "")
        self.whyTab = QWidget()
        self.whyTab.setObjectName(u"whyTab")
        self.whyTabLayout = QVBoxLayout(self.whyTab)
        self.whyTabLayout.setObjectName(u"whyTabLayout")
        self.whyForm = QFormLayout()
        self.whyForm.setObjectName(u"whyForm")
        self.whyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reasonLabel = QLabel(self.whyTab)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.whyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(self.whyTab)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.whyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.outcomesLabel = QLabel(self.whyTab)
        self.outcomesLabel.setObjectName(u"outcomesLabel")

        self.whyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomesLabel)

        self.outcomesEdit = QPlainTextEdit(self.whyTab)
        self.outcomesEdit.setObjectName(u"outcomesEdit")
        self.outcomesEdit.setTabChangesFocus(True)

        self.whyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomesEdit)

        self.prioritiesLabel = QLabel(self.whyTab)
        self.prioritiesLabel.setObjectName(u"prioritiesLabel")

        self.whyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.prioritiesLabel)

        self.prioritiesList = QListWidget(self.whyTab)
        self.prioritiesList.setObjectName(u"prioritiesList")

        self.whyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.prioritiesList)

        self.costsLabel = QLabel(self.whyTab)
        self.costsLabel.setObjectName(u"costsLabel")

        self.whyForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.costsLabel)

        self.costsEdit = QPlainTextEdit(self.whyTab)
        self.costsEdit.setObjectName(u"costsEdit")
        self.costsEdit.setTabChangesFocus(True)

        self.whyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.costsEdit)

        self.costsHint = QLabel(self.whyTab)
        self.costsHint.setObjectName(u"costsHint")
        self.costsHint.setWordWrap(True)

        self.whyForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.costsHint)


        self.whyTabLayout.addLayout(self.whyForm)

        self.whySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.whyTabLayout.addItem(self.whySpacer)

        self.tabs.addTab(self.whyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(WorkTransferDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(WorkTransferDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.directionLabel.setBuddy(self.directionCombo)
        self.bodyLabel.setBuddy(self.bodyCombo)
        self.writtenLabel.setBuddy(self.writtenEdit)
        self.receivedLabel.setBuddy(self.receivedEdit)
        self.workLabel.setBuddy(self.workEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.outcomesLabel.setBuddy(self.outcomesEdit)
        self.prioritiesLabel.setBuddy(self.prioritiesList)
        self.costsLabel.setBuddy(self.costsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WorkTransferDialog)
        self.buttonBox.accepted.connect(WorkTransferDialog.accept)
        self.buttonBox.rejected.connect(WorkTransferDialog.reject)

        QMetaObject.connectSlotsByName(WorkTransferDialog)
    # setupUi

    def retranslateUi(self, WorkTransferDialog):
        WorkTransferDialog.setWindowTitle(QCoreApplication.translate("WorkTransferDialog", u"Work transfer", None))
        self.introLabel.setText("")
        self.directionLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"&Direction:", None))
        self.bodyLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"&Subcommittee:", None))
#if QT_CONFIG(tooltip)
        self.bodyCombo.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"The other subcommittee: the one asked to take the work on, or the one asking us", None))
#endif // QT_CONFIG(tooltip)
        self.writtenLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"&Letter dated:", None))
        self.receivedLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"&Received on:", None))
#if QT_CONFIG(tooltip)
        self.receivedEdit.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"The day their letter came: our answer is due the set number of days later", None))
#endif // QT_CONFIG(tooltip)
        self.workLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"The &work:", None))
#if QT_CONFIG(tooltip)
        self.workEdit.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"What is to move: lines starting '- ' are bullets in the letter", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.letterTab), QCoreApplication.translate("WorkTransferDialog", u"The &letter", None))
        self.reasonLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"&Reason:", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"Why the work should move (ToR 8)", None))
#endif // QT_CONFIG(tooltip)
        self.outcomesLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"Intended &outcomes:", None))
#if QT_CONFIG(tooltip)
        self.outcomesEdit.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"What the work should achieve (ToR 8); '- ' lines are bullets", None))
#endif // QT_CONFIG(tooltip)
        self.prioritiesLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"&Priorities:", None))
#if QT_CONFIG(tooltip)
        self.prioritiesList.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"Tick the partnership's priorities the work serves (the list is in Agenda & papers settings)", None))
#endif // QT_CONFIG(tooltip)
        self.costsLabel.setText(QCoreApplication.translate("WorkTransferDialog", u"Projected &costs:", None))
#if QT_CONFIG(tooltip)
        self.costsEdit.setToolTip(QCoreApplication.translate("WorkTransferDialog", u"Required when Training, Workforce & Development receives it (ToR 8)", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.whyTab), QCoreApplication.translate("WorkTransferDialog", u"&Why, and what for", None))
        self.errorLabel.setText("")
    # retranslateUi

