# Automatically generated - do not edit.
# Source: forms/escalation_dialog.ui (sha256 8a47c17dd9b132731f931e413154f035651094af6592462c04622b63785e7eea)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'escalation_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_EscalationDialog(object):
    def setupUi(self, EscalationDialog):
        if not EscalationDialog.objectName():
            EscalationDialog.setObjectName(u"EscalationDialog")
        EscalationDialog.resize(580, 420)
        EscalationDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(EscalationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(EscalationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(EscalationDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(EscalationDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.summaryLabel = QLabel(EscalationDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(EscalationDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.agencyLabel = QLabel(EscalationDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(EscalationDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.memberLabel = QLabel(EscalationDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(EscalationDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.meetingLabel = QLabel(EscalationDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(EscalationDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.itemLabel = QLabel(EscalationDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(EscalationDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.raisedLabel = QLabel(EscalationDialog)
        self.raisedLabel.setObjectName(u"raisedLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.raisedLabel)

        self.raisedEdit = QDateEdit(EscalationDialog)
        self.raisedEdit.setObjectName(u"raisedEdit")
        self.raisedEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.raisedEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(EscalationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(EscalationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.memberLabel.setBuddy(self.memberCombo)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.itemLabel.setBuddy(self.itemCombo)
        self.raisedLabel.setBuddy(self.raisedEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EscalationDialog)
        self.buttonBox.accepted.connect(EscalationDialog.accept)
        self.buttonBox.rejected.connect(EscalationDialog.reject)

        QMetaObject.connectSlotsByName(EscalationDialog)
    # setupUi

    def retranslateUi(self, EscalationDialog):
        EscalationDialog.setWindowTitle(QCoreApplication.translate("EscalationDialog", u"Escalation or dispute", None))
        self.introLabel.setText("")
        self.kindLabel.setText(QCoreApplication.translate("EscalationDialog", u"&Kind:", None))
#if QT_CONFIG(tooltip)
        self.kindCombo.setToolTip(QCoreApplication.translate("EscalationDialog", u"A concern for strategic oversight (ToR 7.1) or a dispute (ToR 9)", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText(QCoreApplication.translate("EscalationDialog", u"S&ummary:", None))
#if QT_CONFIG(tooltip)
        self.summaryEdit.setToolTip(QCoreApplication.translate("EscalationDialog", u"What it is, and what is asked for", None))
#endif // QT_CONFIG(tooltip)
        self.agencyLabel.setText(QCoreApplication.translate("EscalationDialog", u"Raised by a&gency:", None))
        self.memberLabel.setText(QCoreApplication.translate("EscalationDialog", u"Raised by &member:", None))
#if QT_CONFIG(tooltip)
        self.memberCombo.setToolTip(QCoreApplication.translate("EscalationDialog", u"A member of that agency, or nobody in particular", None))
#endif // QT_CONFIG(tooltip)
        self.meetingLabel.setText(QCoreApplication.translate("EscalationDialog", u"Arose &at:", None))
        self.itemLabel.setText(QCoreApplication.translate("EscalationDialog", u"Agenda &item:", None))
        self.raisedLabel.setText(QCoreApplication.translate("EscalationDialog", u"Raised o&n:", None))
        self.errorLabel.setText("")
    # retranslateUi

