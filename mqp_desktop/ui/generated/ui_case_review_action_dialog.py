# Automatically generated - do not edit.
# Source: forms/case_review_action_dialog.ui (sha256 f6bfd04ffc753ffce67a216bde7a1aac94437692d931dfebfb5b2d08aa986dbf)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_review_action_dialog.ui'
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
    QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CaseReviewActionDialog(object):
    def setupUi(self, CaseReviewActionDialog):
        if not CaseReviewActionDialog.objectName():
            CaseReviewActionDialog.setObjectName(u"CaseReviewActionDialog")
        CaseReviewActionDialog.resize(560, 320)
        CaseReviewActionDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(CaseReviewActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CaseReviewActionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingComboLabel = QLabel(CaseReviewActionDialog)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(CaseReviewActionDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.itemComboLabel = QLabel(CaseReviewActionDialog)
        self.itemComboLabel.setObjectName(u"itemComboLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.itemComboLabel)

        self.itemCombo = QComboBox(CaseReviewActionDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.descriptionEditLabel = QLabel(CaseReviewActionDialog)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QPlainTextEdit(CaseReviewActionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 90))

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.ownerComboLabel = QLabel(CaseReviewActionDialog)
        self.ownerComboLabel.setObjectName(u"ownerComboLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerComboLabel)

        self.ownerCombo = QComboBox(CaseReviewActionDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.dueCheckLabel = QLabel(CaseReviewActionDialog)
        self.dueCheckLabel.setObjectName(u"dueCheckLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueCheckLabel)

        self.dueEditRow = QHBoxLayout()
        self.dueEditRow.setObjectName(u"dueEditRow")
        self.dueCheck = QCheckBox(CaseReviewActionDialog)
        self.dueCheck.setObjectName(u"dueCheck")

        self.dueEditRow.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(CaseReviewActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.dueEditRow.addWidget(self.dueEdit)

        self.dueEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueEditRow.addItem(self.dueEditSpacer)


        self.fieldsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dueEditRow)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(CaseReviewActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CaseReviewActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.itemComboLabel.setBuddy(self.itemCombo)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
        self.ownerComboLabel.setBuddy(self.ownerCombo)
        self.dueCheckLabel.setBuddy(self.dueCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseReviewActionDialog)
        self.buttonBox.accepted.connect(CaseReviewActionDialog.accept)
        self.buttonBox.rejected.connect(CaseReviewActionDialog.reject)

        QMetaObject.connectSlotsByName(CaseReviewActionDialog)
    # setupUi

    def retranslateUi(self, CaseReviewActionDialog):
        CaseReviewActionDialog.setWindowTitle(QCoreApplication.translate("CaseReviewActionDialog", u"New action", None))
        self.introLabel.setText("")
        self.meetingComboLabel.setText(QCoreApplication.translate("CaseReviewActionDialog", u"&Meeting:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("CaseReviewActionDialog", u"The meeting that agreed the action: it is numbered from it", None))
#endif // QT_CONFIG(tooltip)
        self.itemComboLabel.setText(QCoreApplication.translate("CaseReviewActionDialog", u"Agenda &item:", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("CaseReviewActionDialog", u"&Action:", None))
        self.ownerComboLabel.setText(QCoreApplication.translate("CaseReviewActionDialog", u"&Owner:", None))
#if QT_CONFIG(tooltip)
        self.ownerCombo.setToolTip(QCoreApplication.translate("CaseReviewActionDialog", u"A member, or type the name of someone else", None))
#endif // QT_CONFIG(tooltip)
        self.dueCheckLabel.setText(QCoreApplication.translate("CaseReviewActionDialog", u"&Due:", None))
        self.dueCheck.setText("")
        self.errorLabel.setText("")
    # retranslateUi

