# Automatically generated - do not edit.
# Source: forms/audit_action_dialog.ui (sha256 c472189a6b820f4d3c44f05ddbbdcc04d1873829d92f5e44ae8ad2e38f92576c)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_action_dialog.ui'
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

class Ui_AuditActionDialog(object):
    def setupUi(self, AuditActionDialog):
        if not AuditActionDialog.objectName():
            AuditActionDialog.setObjectName(u"AuditActionDialog")
        AuditActionDialog.resize(560, 280)
        AuditActionDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(AuditActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AuditActionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.actionForm = QFormLayout()
        self.actionForm.setObjectName(u"actionForm")
        self.actionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingLabel = QLabel(AuditActionDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.actionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(AuditActionDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.actionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.itemLabel = QLabel(AuditActionDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.actionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(AuditActionDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.actionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.descriptionLabel = QLabel(AuditActionDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.actionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(AuditActionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 90))

        self.actionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.ownerLabel = QLabel(AuditActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.actionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(AuditActionDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)

        self.actionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.dueLabel = QLabel(AuditActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.actionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueRow = QHBoxLayout()
        self.dueRow.setObjectName(u"dueRow")
        self.dueCheck = QCheckBox(AuditActionDialog)
        self.dueCheck.setObjectName(u"dueCheck")

        self.dueRow.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(AuditActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.dueRow.addWidget(self.dueEdit)

        self.dueSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueRow.addItem(self.dueSpacer)


        self.actionForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dueRow)


        self.mainLayout.addLayout(self.actionForm)

        self.errorLabel = QLabel(AuditActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AuditActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.itemLabel.setBuddy(self.itemCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meetingCombo, self.itemCombo)
        QWidget.setTabOrder(self.itemCombo, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.dueCheck)
        QWidget.setTabOrder(self.dueCheck, self.dueEdit)

        self.retranslateUi(AuditActionDialog)
        self.buttonBox.accepted.connect(AuditActionDialog.accept)
        self.buttonBox.rejected.connect(AuditActionDialog.reject)

        QMetaObject.connectSlotsByName(AuditActionDialog)
    # setupUi

    def retranslateUi(self, AuditActionDialog):
        AuditActionDialog.setWindowTitle(QCoreApplication.translate("AuditActionDialog", u"New action from the audit", None))
        self.introLabel.setText("")
        self.meetingLabel.setText(QCoreApplication.translate("AuditActionDialog", u"&Meeting:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("AuditActionDialog", u"The meeting the action was agreed at: it is numbered from it and shows in its minutes", None))
#endif // QT_CONFIG(tooltip)
        self.itemLabel.setText(QCoreApplication.translate("AuditActionDialog", u"&Item:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AuditActionDialog", u"&What is to be done:", None))
        self.ownerLabel.setText(QCoreApplication.translate("AuditActionDialog", u"&Owner:", None))
        self.dueLabel.setText(QCoreApplication.translate("AuditActionDialog", u"&Due by:", None))
        self.dueCheck.setText("")
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("AuditActionDialog", u"dd/MM/yyyy", None))
        self.errorLabel.setText("")
    # retranslateUi

