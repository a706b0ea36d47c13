# Automatically generated - do not edit.
# Source: forms/inspection_review_dialog.ui (sha256 d27f75f1850ac4c734530aa51dc8ba80d2a6b8959a2b7f67cbd5be4fd759a7a4)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_review_dialog.ui'
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

class Ui_InspectionReviewDialog(object):
    def setupUi(self, InspectionReviewDialog):
        if not InspectionReviewDialog.objectName():
            InspectionReviewDialog.setObjectName(u"InspectionReviewDialog")
        InspectionReviewDialog.resize(540, 300)
        InspectionReviewDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(InspectionReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(InspectionReviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.reviewForm = QFormLayout()
        self.reviewForm.setObjectName(u"reviewForm")
        self.reviewForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingLabel = QLabel(InspectionReviewDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(InspectionReviewDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.dateLabel = QLabel(InspectionReviewDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateEdit = QDateEdit(InspectionReviewDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)

        self.dateSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.reviewForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.noteLabel = QLabel(InspectionReviewDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(InspectionReviewDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.followUpLabel = QLabel(InspectionReviewDialog)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpCombo = QComboBox(InspectionReviewDialog)
        self.followUpCombo.setObjectName(u"followUpCombo")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.followUpCombo)

        self.nextReviewLabel = QLabel(InspectionReviewDialog)
        self.nextReviewLabel.setObjectName(u"nextReviewLabel")

        self.reviewForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nextReviewLabel)

        self.nextReviewRow = QHBoxLayout()
        self.nextReviewRow.setObjectName(u"nextReviewRow")
        self.nextReviewCheck = QCheckBox(InspectionReviewDialog)
        self.nextReviewCheck.setObjectName(u"nextReviewCheck")

        self.nextReviewRow.addWidget(self.nextReviewCheck)

        self.nextReviewEdit = QDateEdit(InspectionReviewDialog)
        self.nextReviewEdit.setObjectName(u"nextReviewEdit")
        self.nextReviewEdit.setCalendarPopup(True)

        self.nextReviewRow.addWidget(self.nextReviewEdit)

        self.nextReviewSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nextReviewRow.addItem(self.nextReviewSpacer)


        self.reviewForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.nextReviewRow)


        self.mainLayout.addLayout(self.reviewForm)

        self.errorLabel = QLabel(InspectionReviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(InspectionReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.noteLabel.setBuddy(self.noteEdit)
        self.followUpLabel.setBuddy(self.followUpCombo)
        self.nextReviewLabel.setBuddy(self.nextReviewEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meetingCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.followUpCombo)
        QWidget.setTabOrder(self.followUpCombo, self.nextReviewCheck)
        QWidget.setTabOrder(self.nextReviewCheck, self.nextReviewEdit)

        self.retranslateUi(InspectionReviewDialog)
        self.buttonBox.accepted.connect(InspectionReviewDialog.accept)
        self.buttonBox.rejected.connect(InspectionReviewDialog.reject)

        QMetaObject.connectSlotsByName(InspectionReviewDialog)
    # setupUi

    def retranslateUi(self, InspectionReviewDialog):
        InspectionReviewDialog.setWindowTitle(QCoreApplication.translate("InspectionReviewDialog", u"Reviewed at a meeting", None))
        self.introLabel.setText("")
        self.meetingLabel.setText(QCoreApplication.translate("InspectionReviewDialog", u"&Meeting:", None))
        self.dateLabel.setText(QCoreApplication.translate("InspectionReviewDialog", u"&Date:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("InspectionReviewDialog", u"dd/MM/yyyy", None))
        self.noteLabel.setText(QCoreApplication.translate("InspectionReviewDialog", u"&Concluded:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("InspectionReviewDialog", u"What the subcommittee concluded", None))
        self.followUpLabel.setText(QCoreApplication.translate("InspectionReviewDialog", u"&Follow-up:", None))
        self.nextReviewLabel.setText(QCoreApplication.translate("InspectionReviewDialog", u"Ne&xt review:", None))
        self.nextReviewCheck.setText("")
        self.nextReviewEdit.setDisplayFormat(QCoreApplication.translate("InspectionReviewDialog", u"dd/MM/yyyy", None))
        self.errorLabel.setText("")
    # retranslateUi

