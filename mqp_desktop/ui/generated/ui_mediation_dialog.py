# Automatically generated - do not edit.
# Source: forms/mediation_dialog.ui (sha256 8e98411cbdbd01c0fcfbbd272b2e3b6585c73d20591b3aabb46210277fbfd896)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mediation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_MediationDialog(object):
    def setupUi(self, MediationDialog):
        if not MediationDialog.objectName():
            MediationDialog.setObjectName(u"MediationDialog")
        MediationDialog.resize(540, 340)
        MediationDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(MediationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MediationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(MediationDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(MediationDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.notesLabel = QLabel(MediationDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(MediationDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.outcomeLabel = QLabel(MediationDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeEdit = QPlainTextEdit(MediationDialog)
        self.outcomeEdit.setObjectName(u"outcomeEdit")
        self.outcomeEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(MediationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MediationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.notesLabel.setBuddy(self.notesEdit)
        self.outcomeLabel.setBuddy(self.outcomeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MediationDialog)
        self.buttonBox.accepted.connect(MediationDialog.accept)
        self.buttonBox.rejected.connect(MediationDialog.reject)

        QMetaObject.connectSlotsByName(MediationDialog)
    # setupUi

    def retranslateUi(self, MediationDialog):
        MediationDialog.setWindowTitle(QCoreApplication.translate("MediationDialog", u"The chair's mediation", None))
        self.introLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("MediationDialog", u"&Date:", None))
        self.notesLabel.setText(QCoreApplication.translate("MediationDialog", u"The chair's &notes:", None))
#if QT_CONFIG(tooltip)
        self.notesEdit.setToolTip(QCoreApplication.translate("MediationDialog", u"Who met, what each side said, what was offered", None))
#endif // QT_CONFIG(tooltip)
        self.outcomeLabel.setText(QCoreApplication.translate("MediationDialog", u"&Outcome so far:", None))
#if QT_CONFIG(tooltip)
        self.outcomeEdit.setToolTip(QCoreApplication.translate("MediationDialog", u"What was agreed, if anything; record the solution itself with Decision\u2026", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

