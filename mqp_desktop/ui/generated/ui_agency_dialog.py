# Automatically generated - do not edit.
# Source: forms/agency_dialog.ui (sha256 d663bffe00508dbb46cbcdcb69e3f1cbbef64957aba264e73309557fc2af109f)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_dialog.ui'
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AgencyDialog(object):
    def setupUi(self, AgencyDialog):
        if not AgencyDialog.objectName():
            AgencyDialog.setObjectName(u"AgencyDialog")
        AgencyDialog.resize(500, 360)
        AgencyDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(AgencyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.agencyForm = QFormLayout()
        self.agencyForm.setObjectName(u"agencyForm")
        self.agencyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(AgencyDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.agencyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AgencyDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.agencyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(AgencyDialog)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.agencyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(AgencyDialog)
        self.shortNameEdit.setObjectName(u"shortNameEdit")

        self.agencyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.partnerClassLabel = QLabel(AgencyDialog)
        self.partnerClassLabel.setObjectName(u"partnerClassLabel")

        self.agencyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.partnerClassLabel)

        self.partnerClassCombo = QComboBox(AgencyDialog)
        self.partnerClassCombo.addItem("")
        self.partnerClassCombo.addItem("")
        self.partnerClassCombo.addItem("")
        self.partnerClassCombo.setObjectName(u"partnerClassCombo")

        self.agencyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.partnerClassCombo)

        self.statutoryCheck = QCheckBox(AgencyDialog)
        self.statutoryCheck.setObjectName(u"statutoryCheck")

        self.agencyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statutoryCheck)

        self.startDateLabel = QLabel(AgencyDialog)
        self.startDateLabel.setObjectName(u"startDateLabel")

        self.agencyForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startDateLabel)

        self.startDateRow = QHBoxLayout()
        self.startDateRow.setObjectName(u"startDateRow")
        self.startDateSet = QCheckBox(AgencyDialog)
        self.startDateSet.setObjectName(u"startDateSet")

        self.startDateRow.addWidget(self.startDateSet)

        self.startDateEdit = QDateEdit(AgencyDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.startDateRow.addWidget(self.startDateEdit)

        self.startDateSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startDateRow.addItem(self.startDateSpacer)


        self.agencyForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.startDateRow)

        self.notesLabel = QLabel(AgencyDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.agencyForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(AgencyDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 100))

        self.agencyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.agencyForm)

        self.errorLabel = QLabel(AgencyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgencyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.partnerClassLabel.setBuddy(self.partnerClassCombo)
        self.startDateLabel.setBuddy(self.startDateSet)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.shortNameEdit)
        QWidget.setTabOrder(self.shortNameEdit, self.partnerClassCombo)
        QWidget.setTabOrder(self.partnerClassCombo, self.statutoryCheck)
        QWidget.setTabOrder(self.statutoryCheck, self.startDateSet)
        QWidget.setTabOrder(self.startDateSet, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(AgencyDialog)
        self.buttonBox.accepted.connect(AgencyDialog.accept)
        self.buttonBox.rejected.connect(AgencyDialog.reject)

        QMetaObject.connectSlotsByName(AgencyDialog)
    # setupUi

    def retranslateUi(self, AgencyDialog):
        AgencyDialog.setWindowTitle(QCoreApplication.translate("AgencyDialog", u"Add agency", None))
        self.nameLabel.setText(QCoreApplication.translate("AgencyDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AgencyDialog", u"e.g. Metropolitan Police \u2014 South West BCU", None))
        self.shortNameLabel.setText(QCoreApplication.translate("AgencyDialog", u"Sh&ort name:", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("AgencyDialog", u"e.g. Police", None))
#if QT_CONFIG(tooltip)
        self.shortNameEdit.setToolTip(QCoreApplication.translate("AgencyDialog", u"A short label used in tables, the quorum rule and reports. Optional.", None))
#endif // QT_CONFIG(tooltip)
        self.partnerClassLabel.setText(QCoreApplication.translate("AgencyDialog", u"&Partner class:", None))
        self.partnerClassCombo.setItemText(0, QCoreApplication.translate("AgencyDialog", u"Lead safeguarding partner", None))
        self.partnerClassCombo.setItemText(1, QCoreApplication.translate("AgencyDialog", u"Relevant agency", None))
        self.partnerClassCombo.setItemText(2, QCoreApplication.translate("AgencyDialog", u"Other", None))

#if QT_CONFIG(tooltip)
        self.partnerClassCombo.setToolTip(QCoreApplication.translate("AgencyDialog", u"Lead safeguarding partners are the local authority, the integrated care board and the police (Working Together 2023).", None))
#endif // QT_CONFIG(tooltip)
        self.statutoryCheck.setText(QCoreApplication.translate("AgencyDialog", u"&Statutory agency", None))
#if QT_CONFIG(tooltip)
        self.statutoryCheck.setToolTip(QCoreApplication.translate("AgencyDialog", u"Statutory agencies count towards a quorum rule such as 'at least 3 statutory agencies present' (ToR 3).", None))
#endif // QT_CONFIG(tooltip)
        self.startDateLabel.setText(QCoreApplication.translate("AgencyDialog", u"Start &date:", None))
#if QT_CONFIG(tooltip)
        self.startDateSet.setToolTip(QCoreApplication.translate("AgencyDialog", u"The date the agency joined the subcommittee. Tick the box to set it; leave it unticked if it is not known.", None))
#endif // QT_CONFIG(tooltip)
        self.startDateSet.setText("")
        self.startDateEdit.setDisplayFormat(QCoreApplication.translate("AgencyDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.startDateEdit.setToolTip(QCoreApplication.translate("AgencyDialog", u"The date the agency joined the subcommittee. Tick the box to set it; leave it unticked if it is not known.", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("AgencyDialog", u"No&tes:", None))
        self.errorLabel.setText("")
    # retranslateUi

