# Automatically generated - do not edit.
# Source: forms/meeting_dialog.ui (sha256 b714de5884022b1a9e51e07159dab4e51c3a506752798dcba26955632464a705)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(520, 380)
        MeetingDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(MeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MeetingDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.meetingForm = QFormLayout()
        self.meetingForm.setObjectName(u"meetingForm")
        self.meetingForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(MeetingDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.meetingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateEdit = QDateEdit(MeetingDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)

        self.dateNoteLabel = QLabel(MeetingDialog)
        self.dateNoteLabel.setObjectName(u"dateNoteLabel")

        self.dateRow.addWidget(self.dateNoteLabel)

        self.dateSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.meetingForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.startTimeLabel = QLabel(MeetingDialog)
        self.startTimeLabel.setObjectName(u"startTimeLabel")

        self.meetingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startTimeLabel)

        self.timeRow = QHBoxLayout()
        self.timeRow.setObjectName(u"timeRow")
        self.startTimeEdit = QLineEdit(MeetingDialog)
        self.startTimeEdit.setObjectName(u"startTimeEdit")
        self.startTimeEdit.setMaximumSize(QSize(90, 16777215))

        self.timeRow.addWidget(self.startTimeEdit)

        self.toLabel = QLabel(MeetingDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.timeRow.addWidget(self.toLabel)

        self.endTimeEdit = QLineEdit(MeetingDialog)
        self.endTimeEdit.setObjectName(u"endTimeEdit")
        self.endTimeEdit.setMaximumSize(QSize(90, 16777215))

        self.timeRow.addWidget(self.endTimeEdit)

        self.timeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeRow.addItem(self.timeSpacer)


        self.meetingForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.timeRow)

        self.venueLabel = QLabel(MeetingDialog)
        self.venueLabel.setObjectName(u"venueLabel")

        self.meetingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(MeetingDialog)
        self.venueEdit.setObjectName(u"venueEdit")

        self.meetingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        self.linkLabel = QLabel(MeetingDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.meetingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkEdit = QLineEdit(MeetingDialog)
        self.linkEdit.setObjectName(u"linkEdit")

        self.meetingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.linkEdit)

        self.notesLabel = QLabel(MeetingDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.meetingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(MeetingDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.meetingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.meetingForm)

        self.errorLabel = QLabel(MeetingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.startTimeLabel.setBuddy(self.startTimeEdit)
        self.venueLabel.setBuddy(self.venueEdit)
        self.linkLabel.setBuddy(self.linkEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.startTimeEdit)
        QWidget.setTabOrder(self.startTimeEdit, self.endTimeEdit)
        QWidget.setTabOrder(self.endTimeEdit, self.venueEdit)
        QWidget.setTabOrder(self.venueEdit, self.linkEdit)
        QWidget.setTabOrder(self.linkEdit, self.notesEdit)

        self.retranslateUi(MeetingDialog)
        self.buttonBox.accepted.connect(MeetingDialog.accept)
        self.buttonBox.rejected.connect(MeetingDialog.reject)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"Meeting", None))
        self.introLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Date:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MeetingDialog", u"dd/MM/yyyy", None))
        self.dateNoteLabel.setText("")
        self.startTimeLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Time:", None))
        self.startTimeEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"10:00", None))
#if QT_CONFIG(tooltip)
        self.startTimeEdit.setToolTip(QCoreApplication.translate("MeetingDialog", u"Start time, e.g. 10:00, 9.30 or 2pm", None))
#endif // QT_CONFIG(tooltip)
        self.toLabel.setText(QCoreApplication.translate("MeetingDialog", u"to", None))
        self.endTimeEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"12:00", None))
#if QT_CONFIG(tooltip)
        self.endTimeEdit.setToolTip(QCoreApplication.translate("MeetingDialog", u"End time, e.g. 12:00 or 1pm", None))
#endif // QT_CONFIG(tooltip)
        self.venueLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Venue:", None))
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"e.g. Room 123, Town Hall", None))
        self.linkLabel.setText(QCoreApplication.translate("MeetingDialog", u"Online &link:", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"e.g. the Teams link, for those joining online", None))
        self.notesLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Notes:", None))
        self.errorLabel.setText("")
    # retranslateUi

