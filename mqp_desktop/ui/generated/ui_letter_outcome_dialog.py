# Automatically generated - do not edit.
# Source: forms/letter_outcome_dialog.ui (sha256 9d3ca2f3b3f22a35737c8d999bd72d8590d15b6e3e58813f7fe583db8f5117ad)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_outcome_dialog.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_LetterOutcomeDialog(object):
    def setupUi(self, LetterOutcomeDialog):
        if not LetterOutcomeDialog.objectName():
            LetterOutcomeDialog.setObjectName(u"LetterOutcomeDialog")
        LetterOutcomeDialog.resize(540, 280)
        LetterOutcomeDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(LetterOutcomeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(LetterOutcomeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outcomeComboLabel = QLabel(LetterOutcomeDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(LetterOutcomeDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.dateEditLabel = QLabel(LetterOutcomeDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = QDateEdit(LetterOutcomeDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.substituteEditLabel = QLabel(LetterOutcomeDialog)
        self.substituteEditLabel.setObjectName(u"substituteEditLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.substituteEditLabel)

        self.substituteEdit = QLineEdit(LetterOutcomeDialog)
        self.substituteEdit.setObjectName(u"substituteEdit")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.substituteEdit)

        self.notesEditLabel = QLabel(LetterOutcomeDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(LetterOutcomeDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(LetterOutcomeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(LetterOutcomeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.substituteEditLabel.setBuddy(self.substituteEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterOutcomeDialog)
        self.buttonBox.accepted.connect(LetterOutcomeDialog.accept)
        self.buttonBox.rejected.connect(LetterOutcomeDialog.reject)

        QMetaObject.connectSlotsByName(LetterOutcomeDialog)
    # setupUi

    def retranslateUi(self, LetterOutcomeDialog):
        LetterOutcomeDialog.setWindowTitle(QCoreApplication.translate("LetterOutcomeDialog", u"Outcome of the letter", None))
        self.introLabel.setText("")
        self.outcomeComboLabel.setText(QCoreApplication.translate("LetterOutcomeDialog", u"O&utcome:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("LetterOutcomeDialog", u"&Date:", None))
        self.substituteEditLabel.setText(QCoreApplication.translate("LetterOutcomeDialog", u"&Substitute:", None))
        self.substituteEdit.setPlaceholderText(QCoreApplication.translate("LetterOutcomeDialog", u"the permanent substitute named", None))
        self.notesEditLabel.setText(QCoreApplication.translate("LetterOutcomeDialog", u"&Notes:", None))
        self.errorLabel.setText("")
    # retranslateUi

