# Automatically generated - do not edit.
# Source: forms/partnership_body_dialog.ui (sha256 3f578d88c221e8c8349ef135f55a66f4c249d7f023ae9966f4f9f75dad8b96b6)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'partnership_body_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PartnershipBodyDialog(object):
    def setupUi(self, PartnershipBodyDialog):
        if not PartnershipBodyDialog.objectName():
            PartnershipBodyDialog.setObjectName(u"PartnershipBodyDialog")
        PartnershipBodyDialog.resize(560, 380)
        PartnershipBodyDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(PartnershipBodyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PartnershipBodyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(PartnershipBodyDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(PartnershipBodyDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(PartnershipBodyDialog)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(PartnershipBodyDialog)
        self.shortNameEdit.setObjectName(u"shortNameEdit")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.chairLabel = QLabel(PartnershipBodyDialog)
        self.chairLabel.setObjectName(u"chairLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(PartnershipBodyDialog)
        self.chairEdit.setObjectName(u"chairEdit")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.chairEmailLabel = QLabel(PartnershipBodyDialog)
        self.chairEmailLabel.setObjectName(u"chairEmailLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.chairEmailLabel)

        self.chairEmailEdit = QLineEdit(PartnershipBodyDialog)
        self.chairEmailEdit.setObjectName(u"chairEmailEdit")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.chairEmailEdit)

        self.kindLabel = QLabel(PartnershipBodyDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindColumn = QVBoxLayout()
        self.kindColumn.setObjectName(u"kindColumn")
        self.executiveCheck = QCheckBox(PartnershipBodyDialog)
        self.executiveCheck.setObjectName(u"executiveCheck")

        self.kindColumn.addWidget(self.executiveCheck)

        self.twdCheck = QCheckBox(PartnershipBodyDialog)
        self.twdCheck.setObjectName(u"twdCheck")

        self.kindColumn.addWidget(self.twdCheck)


        self.fieldsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.kindColumn)

        self.notesLabel = QLabel(PartnershipBodyDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(PartnershipBodyDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.endedLabel = QLabel(PartnershipBodyDialog)
        self.endedLabel.setObjectName(u"endedLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.endedLabel)

        self.endedRow = QHBoxLayout()
        self.endedRow.setObjectName(u"endedRow")
        self.endedCheck = QCheckBox(PartnershipBodyDialog)
        self.endedCheck.setObjectName(u"endedCheck")

        self.endedRow.addWidget(self.endedCheck)

        self.endedEdit = QDateEdit(PartnershipBodyDialog)
        self.endedEdit.setObjectName(u"endedEdit")
        self.endedEdit.setCalendarPopup(True)

        self.endedRow.addWidget(self.endedEdit)

        self.endedRow.setStretch(1, 1)

        self.fieldsForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.endedRow)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(PartnershipBodyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PartnershipBodyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.chairLabel.setBuddy(self.chairEdit)
        self.chairEmailLabel.setBuddy(self.chairEmailEdit)
        self.kindLabel.setBuddy(self.executiveCheck)
        self.notesLabel.setBuddy(self.notesEdit)
        self.endedLabel.setBuddy(self.endedCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PartnershipBodyDialog)
        self.buttonBox.accepted.connect(PartnershipBodyDialog.accept)
        self.buttonBox.rejected.connect(PartnershipBodyDialog.reject)

        QMetaObject.connectSlotsByName(PartnershipBodyDialog)
    # setupUi

    def retranslateUi(self, PartnershipBodyDialog):
        PartnershipBodyDialog.setWindowTitle(QCoreApplication.translate("PartnershipBodyDialog", u"Partnership body", None))
        self.introLabel.setText("")
        self.nameLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("PartnershipBodyDialog", u"e.g. Training, Workforce & Development Subcommittee", None))
        self.shortNameLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"&Short name:", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("PartnershipBodyDialog", u"e.g. TWD", None))
        self.chairLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"&Chair:", None))
#if QT_CONFIG(tooltip)
        self.chairEdit.setToolTip(QCoreApplication.translate("PartnershipBodyDialog", u"The chair's name: the letters are addressed to them", None))
#endif // QT_CONFIG(tooltip)
        self.chairEmailLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"Chair's &email:", None))
        self.kindLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"It is:", None))
        self.executiveCheck.setText(QCoreApplication.translate("PartnershipBodyDialog", u"The partnership's E&xecutive", None))
#if QT_CONFIG(tooltip)
        self.executiveCheck.setToolTip(QCoreApplication.translate("PartnershipBodyDialog", u"Disagreements about moving work (ToR 8) and disputes the chair cannot resolve (ToR 9) go to it; there is one", None))
#endif // QT_CONFIG(tooltip)
        self.twdCheck.setText(QCoreApplication.translate("PartnershipBodyDialog", u"&Training, Workforce && Development", None))
#if QT_CONFIG(tooltip)
        self.twdCheck.setToolTip(QCoreApplication.translate("PartnershipBodyDialog", u"Work sent to it carries projected costs for its consideration (ToR 8); at most one", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"N&otes:", None))
#if QT_CONFIG(tooltip)
        self.notesEdit.setToolTip(QCoreApplication.translate("PartnershipBodyDialog", u"Its remit, or anything worth knowing", None))
#endif // QT_CONFIG(tooltip)
        self.endedLabel.setText(QCoreApplication.translate("PartnershipBodyDialog", u"En&ded:", None))
        self.endedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.endedEdit.setToolTip(QCoreApplication.translate("PartnershipBodyDialog", u"The day it stopped meeting (it is kept, so old transfers still name it)", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

