# Automatically generated - do not edit.
# Source: forms/challenge_dialog.ui (sha256 cea77edb679e40f778c5dfb73bc56045e2a78f936e65067030f462ba44e4adf0)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'challenge_dialog.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ChallengeDialog(object):
    def setupUi(self, ChallengeDialog):
        if not ChallengeDialog.objectName():
            ChallengeDialog.setObjectName(u"ChallengeDialog")
        ChallengeDialog.resize(600, 460)
        ChallengeDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(ChallengeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChallengeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.questionLabel = QLabel(ChallengeDialog)
        self.questionLabel.setObjectName(u"questionLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.questionLabel)

        self.questionEdit = QPlainTextEdit(ChallengeDialog)
        self.questionEdit.setObjectName(u"questionEdit")
        self.questionEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.questionEdit)

        self.aboutLabel = QLabel(ChallengeDialog)
        self.aboutLabel.setObjectName(u"aboutLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.aboutLabel)

        self.aboutRow = QHBoxLayout()
        self.aboutRow.setObjectName(u"aboutRow")
        self.kindCombo = QComboBox(ChallengeDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.aboutRow.addWidget(self.kindCombo)

        self.subjectCombo = QComboBox(ChallengeDialog)
        self.subjectCombo.setObjectName(u"subjectCombo")
        self.subjectCombo.setEditable(True)

        self.aboutRow.addWidget(self.subjectCombo)

        self.aboutRow.setStretch(1, 1)

        self.fieldsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.aboutRow)

        self.meetingLabel = QLabel(ChallengeDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(ChallengeDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.itemLabel = QLabel(ChallengeDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(ChallengeDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.raisedLabel = QLabel(ChallengeDialog)
        self.raisedLabel.setObjectName(u"raisedLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.raisedLabel)

        self.raisedEdit = QDateEdit(ChallengeDialog)
        self.raisedEdit.setObjectName(u"raisedEdit")
        self.raisedEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.raisedEdit)

        self.agencyLabel = QLabel(ChallengeDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(ChallengeDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.toLabel = QLabel(ChallengeDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.toCombo = QComboBox(ChallengeDialog)
        self.toCombo.setObjectName(u"toCombo")
        self.toCombo.setEditable(True)

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.toCombo)

        self.emailLabel = QLabel(ChallengeDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(ChallengeDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.dueLabel = QLabel(ChallengeDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateEdit(ChallengeDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.dueEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(ChallengeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChallengeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.questionLabel.setBuddy(self.questionEdit)
        self.aboutLabel.setBuddy(self.kindCombo)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.itemLabel.setBuddy(self.itemCombo)
        self.raisedLabel.setBuddy(self.raisedEdit)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.toLabel.setBuddy(self.toCombo)
        self.emailLabel.setBuddy(self.emailEdit)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChallengeDialog)
        self.buttonBox.accepted.connect(ChallengeDialog.accept)
        self.buttonBox.rejected.connect(ChallengeDialog.reject)

        QMetaObject.connectSlotsByName(ChallengeDialog)
    # setupUi

    def retranslateUi(self, ChallengeDialog):
        ChallengeDialog.setWindowTitle(QCoreApplication.translate("ChallengeDialog", u"New challenge", None))
        self.introLabel.setText("")
        self.questionLabel.setText(QCoreApplication.translate("ChallengeDialog", u"&Question:", None))
#if QT_CONFIG(tooltip)
        self.questionEdit.setToolTip(QCoreApplication.translate("ChallengeDialog", u"The question the subcommittee puts to the agency", None))
#endif // QT_CONFIG(tooltip)
        self.aboutLabel.setText(QCoreApplication.translate("ChallengeDialog", u"Abo&ut:", None))
#if QT_CONFIG(tooltip)
        self.kindCombo.setToolTip(QCoreApplication.translate("ChallengeDialog", u"An indicator, a multi-agency audit, an inspection, or something else", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.subjectCombo.setToolTip(QCoreApplication.translate("ChallengeDialog", u"Choose the record it is about, or describe it in words", None))
#endif // QT_CONFIG(tooltip)
        self.meetingLabel.setText(QCoreApplication.translate("ChallengeDialog", u"Raised &at:", None))
        self.itemLabel.setText(QCoreApplication.translate("ChallengeDialog", u"Agenda &item:", None))
        self.raisedLabel.setText(QCoreApplication.translate("ChallengeDialog", u"Raised o&n:", None))
        self.agencyLabel.setText(QCoreApplication.translate("ChallengeDialog", u"A&gency:", None))
        self.toLabel.setText(QCoreApplication.translate("ChallengeDialog", u"&To:", None))
#if QT_CONFIG(tooltip)
        self.toCombo.setToolTip(QCoreApplication.translate("ChallengeDialog", u"A member of the agency from the register, or type the name of another contact", None))
#endif // QT_CONFIG(tooltip)
        self.emailLabel.setText(QCoreApplication.translate("ChallengeDialog", u"Contact's &email:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ChallengeDialog", u"only for a contact who is not in the register", None))
        self.dueLabel.setText(QCoreApplication.translate("ChallengeDialog", u"Response &due:", None))
        self.errorLabel.setText("")
    # retranslateUi

