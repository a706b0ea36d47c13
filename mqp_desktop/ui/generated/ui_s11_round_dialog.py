# Automatically generated - do not edit.
# Source: forms/s11_round_dialog.ui (sha256 ea6898e4d8a72f53f9576b27168e44293c958cb249f131e0f653283a1a7d5dbc)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_round_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_S11RoundDialog(object):
    def setupUi(self, S11RoundDialog):
        if not S11RoundDialog.objectName():
            S11RoundDialog.setObjectName(u"S11RoundDialog")
        S11RoundDialog.resize(720, 560)
        self.mainLayout = QVBoxLayout(S11RoundDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(S11RoundDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.roundForm = QFormLayout()
        self.roundForm.setObjectName(u"roundForm")
        self.roundForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(S11RoundDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.roundForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(S11RoundDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.roundForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.frameworkLabel = QLabel(S11RoundDialog)
        self.frameworkLabel.setObjectName(u"frameworkLabel")

        self.roundForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.frameworkLabel)

        self.frameworkCombo = QComboBox(S11RoundDialog)
        self.frameworkCombo.setObjectName(u"frameworkCombo")

        self.roundForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.frameworkCombo)

        self.scaleLabel = QLabel(S11RoundDialog)
        self.scaleLabel.setObjectName(u"scaleLabel")

        self.roundForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scaleLabel)

        self.scaleCombo = QComboBox(S11RoundDialog)
        self.scaleCombo.setObjectName(u"scaleCombo")

        self.roundForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scaleCombo)

        self.issuedLabel = QLabel(S11RoundDialog)
        self.issuedLabel.setObjectName(u"issuedLabel")

        self.roundForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuedLabel)

        self.issuedEdit = QDateEdit(S11RoundDialog)
        self.issuedEdit.setObjectName(u"issuedEdit")
        self.issuedEdit.setCalendarPopup(True)

        self.roundForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.issuedEdit)

        self.deadlineLabel = QLabel(S11RoundDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.roundForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineEdit = QDateEdit(S11RoundDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)

        self.roundForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)

        self.panelLabel = QLabel(S11RoundDialog)
        self.panelLabel.setObjectName(u"panelLabel")

        self.roundForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.panelLabel)

        self.panelBox = QVBoxLayout()
        self.panelBox.setObjectName(u"panelBox")
        self.panelRow = QHBoxLayout()
        self.panelRow.setObjectName(u"panelRow")
        self.panelDateEdit = QDateEdit(S11RoundDialog)
        self.panelDateEdit.setObjectName(u"panelDateEdit")
        self.panelDateEdit.setCalendarPopup(True)

        self.panelRow.addWidget(self.panelDateEdit)

        self.addPanelButton = QPushButton(S11RoundDialog)
        self.addPanelButton.setObjectName(u"addPanelButton")

        self.panelRow.addWidget(self.addPanelButton)

        self.removePanelButton = QPushButton(S11RoundDialog)
        self.removePanelButton.setObjectName(u"removePanelButton")

        self.panelRow.addWidget(self.removePanelButton)


        self.panelBox.addLayout(self.panelRow)

        self.panelList = QListWidget(S11RoundDialog)
        self.panelList.setObjectName(u"panelList")
        self.panelList.setMaximumSize(QSize(16777215, 70))

        self.panelBox.addWidget(self.panelList)


        self.roundForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.panelBox)

        self.notesLabel = QLabel(S11RoundDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.roundForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(S11RoundDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.roundForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columns.addLayout(self.roundForm)

        self.agencyBox = QVBoxLayout()
        self.agencyBox.setObjectName(u"agencyBox")
        self.agenciesLabel = QLabel(S11RoundDialog)
        self.agenciesLabel.setObjectName(u"agenciesLabel")

        self.agencyBox.addWidget(self.agenciesLabel)

        self.agencyList = QListWidget(S11RoundDialog)
        self.agencyList.setObjectName(u"agencyList")
        self.agencyList.setMinimumSize(QSize(240, 0))

        self.agencyBox.addWidget(self.agencyList)

        self.agencyButtons = QHBoxLayout()
        self.agencyButtons.setObjectName(u"agencyButtons")
        self.allButton = QPushButton(S11RoundDialog)
        self.allButton.setObjectName(u"allButton")

        self.agencyButtons.addWidget(self.allButton)

        self.noneButton = QPushButton(S11RoundDialog)
        self.noneButton.setObjectName(u"noneButton")

        self.agencyButtons.addWidget(self.noneButton)


        self.agencyBox.addLayout(self.agencyButtons)


        self.columns.addLayout(self.agencyBox)


        self.mainLayout.addLayout(self.columns)

        self.errorLabel = QLabel(S11RoundDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(S11RoundDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.frameworkLabel.setBuddy(self.frameworkCombo)
        self.scaleLabel.setBuddy(self.scaleCombo)
        self.issuedLabel.setBuddy(self.issuedEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.panelLabel.setBuddy(self.panelDateEdit)
        self.notesLabel.setBuddy(self.notesEdit)
        self.agenciesLabel.setBuddy(self.agencyList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(S11RoundDialog)
        self.buttonBox.accepted.connect(S11RoundDialog.accept)
        self.buttonBox.rejected.connect(S11RoundDialog.reject)

        QMetaObject.connectSlotsByName(S11RoundDialog)
    # setupUi

    def retranslateUi(self, S11RoundDialog):
        S11RoundDialog.setWindowTitle(QCoreApplication.translate("S11RoundDialog", u"New audit round", None))
        self.introLabel.setText(QCoreApplication.translate("S11RoundDialog", u"A round asks each ticked agency for a Section 11 self-assessment. The round keeps its own copy of the framework's standards, so later edits to the framework never change it; its scale is fixed once it is created.", None))
        self.nameLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("S11RoundDialog", u"e.g. Section 11 audit 2026\u201327", None))
        self.frameworkLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Framework:", None))
#if QT_CONFIG(tooltip)
        self.frameworkCombo.setToolTip(QCoreApplication.translate("S11RoundDialog", u"The standards the agencies rate themselves against", None))
#endif // QT_CONFIG(tooltip)
        self.scaleLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Rating scale:", None))
        self.issuedLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Issue date:", None))
        self.deadlineLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Deadline:", None))
        self.panelLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Panel dates:", None))
#if QT_CONFIG(tooltip)
        self.panelDateEdit.setToolTip(QCoreApplication.translate("S11RoundDialog", u"A date of the challenge and moderation panel; add as many as there are", None))
#endif // QT_CONFIG(tooltip)
        self.addPanelButton.setText(QCoreApplication.translate("S11RoundDialog", u"Add &panel date", None))
        self.removePanelButton.setText(QCoreApplication.translate("S11RoundDialog", u"Remove", None))
        self.notesLabel.setText(QCoreApplication.translate("S11RoundDialog", u"N&otes:", None))
        self.agenciesLabel.setText(QCoreApplication.translate("S11RoundDialog", u"&Agencies asked to return:", None))
        self.allButton.setText(QCoreApplication.translate("S11RoundDialog", u"Tick all", None))
        self.noneButton.setText(QCoreApplication.translate("S11RoundDialog", u"Untick all", None))
        self.errorLabel.setText("")
    # retranslateUi

