# Automatically generated - do not edit.
# Source: forms/agenda_item_dialog.ui (sha256 5ee568a83db13f36287d7b83eef73a713fdcd7860203590b5317bd1e24c34367)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_item_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_AgendaItemDialog(object):
    def setupUi(self, AgendaItemDialog):
        if not AgendaItemDialog.objectName():
            AgendaItemDialog.setObjectName(u"AgendaItemDialog")
        AgendaItemDialog.resize(560, 420)
        AgendaItemDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(AgendaItemDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AgendaItemDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.itemForm = QFormLayout()
        self.itemForm.setObjectName(u"itemForm")
        self.itemForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(AgendaItemDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.itemForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(AgendaItemDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.itemForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.presenterLabel = QLabel(AgendaItemDialog)
        self.presenterLabel.setObjectName(u"presenterLabel")

        self.itemForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.presenterLabel)

        self.presenterCombo = QComboBox(AgendaItemDialog)
        self.presenterCombo.setObjectName(u"presenterCombo")

        self.itemForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.presenterCombo)

        self.guestLabel = QLabel(AgendaItemDialog)
        self.guestLabel.setObjectName(u"guestLabel")

        self.itemForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.guestLabel)

        self.guestEdit = QLineEdit(AgendaItemDialog)
        self.guestEdit.setObjectName(u"guestEdit")

        self.itemForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.guestEdit)

        self.purposeLabel = QLabel(AgendaItemDialog)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.itemForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeCombo = QComboBox(AgendaItemDialog)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.itemForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.purposeCombo)

        self.minutesLabel = QLabel(AgendaItemDialog)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.itemForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.minutesLabel)

        self.minutesSpin = QSpinBox(AgendaItemDialog)
        self.minutesSpin.setObjectName(u"minutesSpin")
        self.minutesSpin.setMaximum(480)
        self.minutesSpin.setSingleStep(5)

        self.itemForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.minutesSpin)

        self.priorityLabel = QLabel(AgendaItemDialog)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.itemForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityCombo = QComboBox(AgendaItemDialog)
        self.priorityCombo.setObjectName(u"priorityCombo")
        self.priorityCombo.setEditable(True)

        self.itemForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.priorityCombo)

        self.notesLabel = QLabel(AgendaItemDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.itemForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(AgendaItemDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.itemForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.itemForm)

        self.errorLabel = QLabel(AgendaItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgendaItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.presenterLabel.setBuddy(self.presenterCombo)
        self.guestLabel.setBuddy(self.guestEdit)
        self.purposeLabel.setBuddy(self.purposeCombo)
        self.minutesLabel.setBuddy(self.minutesSpin)
        self.priorityLabel.setBuddy(self.priorityCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgendaItemDialog)
        self.buttonBox.accepted.connect(AgendaItemDialog.accept)
        self.buttonBox.rejected.connect(AgendaItemDialog.reject)

        QMetaObject.connectSlotsByName(AgendaItemDialog)
    # setupUi

    def retranslateUi(self, AgendaItemDialog):
        AgendaItemDialog.setWindowTitle(QCoreApplication.translate("AgendaItemDialog", u"Agenda item", None))
        self.introLabel.setText("")
        self.titleLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("AgendaItemDialog", u"e.g. Neglect strategy: draft for sign-off", None))
        self.presenterLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Presenter:", None))
#if QT_CONFIG(tooltip)
        self.presenterCombo.setToolTip(QCoreApplication.translate("AgendaItemDialog", u"A member of the subcommittee, or choose 'A guest\u2026' and type the guest's name", None))
#endif // QT_CONFIG(tooltip)
        self.guestLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Guest's name:", None))
        self.guestEdit.setPlaceholderText(QCoreApplication.translate("AgendaItemDialog", u"Name and post of a presenter who is not a member", None))
        self.purposeLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"P&urpose:", None))
        self.minutesLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"Ti&me:", None))
        self.minutesSpin.setSuffix(QCoreApplication.translate("AgendaItemDialog", u" min", None))
#if QT_CONFIG(tooltip)
        self.minutesSpin.setToolTip(QCoreApplication.translate("AgendaItemDialog", u"Minutes allocated to the item (0: not timed)", None))
#endif // QT_CONFIG(tooltip)
        self.priorityLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"Partnership p&riority:", None))
#if QT_CONFIG(tooltip)
        self.priorityCombo.setToolTip(QCoreApplication.translate("AgendaItemDialog", u"The partnership priority the item serves (Meetings \u203a Agenda & papers settings lists them)", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Notes:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("AgendaItemDialog", u"Printed under the item on the agenda", None))
        self.errorLabel.setText("")
    # retranslateUi

