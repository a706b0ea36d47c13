# Automatically generated - do not edit.
# Source: forms/challenge_review_dialog.ui (sha256 a590109041ef2cb780c73e0801dbe69b968094fbf7042ca03d1831a09b7107a7)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'challenge_review_dialog.ui'
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
    QPlainTextEdit, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ChallengeReviewDialog(object):
    def setupUi(self, ChallengeReviewDialog):
        if not ChallengeReviewDialog.objectName():
            ChallengeReviewDialog.setObjectName(u"ChallengeReviewDialog")
        ChallengeReviewDialog.resize(580, 360)
        ChallengeReviewDialog.setMinimumSize(QSize(540, 0))
        self.mainLayout = QVBoxLayout(ChallengeReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChallengeReviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.verdictLabel = QLabel(ChallengeReviewDialog)
        self.verdictLabel.setObjectName(u"verdictLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.verdictLabel)

        self.verdictColumn = QVBoxLayout()
        self.verdictColumn.setObjectName(u"verdictColumn")
        self.acceptedRadio = QRadioButton(ChallengeReviewDialog)
        self.acceptedRadio.setObjectName(u"acceptedRadio")

        self.verdictColumn.addWidget(self.acceptedRadio)

        self.notAcceptedRadio = QRadioButton(ChallengeReviewDialog)
        self.notAcceptedRadio.setObjectName(u"notAcceptedRadio")

        self.verdictColumn.addWidget(self.notAcceptedRadio)

        self.furtherRadio = QRadioButton(ChallengeReviewDialog)
        self.furtherRadio.setObjectName(u"furtherRadio")

        self.verdictColumn.addWidget(self.furtherRadio)


        self.fieldsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.verdictColumn)

        self.reasonLabel = QLabel(ChallengeReviewDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ChallengeReviewDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.reviewedLabel = QLabel(ChallengeReviewDialog)
        self.reviewedLabel.setObjectName(u"reviewedLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reviewedLabel)

        self.reviewedEdit = QDateEdit(ChallengeReviewDialog)
        self.reviewedEdit.setObjectName(u"reviewedEdit")
        self.reviewedEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reviewedEdit)

        self.meetingLabel = QLabel(ChallengeReviewDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(ChallengeReviewDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.dueLabel = QLabel(ChallengeReviewDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateEdit(ChallengeReviewDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dueEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(ChallengeReviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChallengeReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.reviewedLabel.setBuddy(self.reviewedEdit)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChallengeReviewDialog)
        self.buttonBox.accepted.connect(ChallengeReviewDialog.accept)
        self.buttonBox.rejected.connect(ChallengeReviewDialog.reject)

        QMetaObject.connectSlotsByName(ChallengeReviewDialog)
    # setupUi

    def retranslateUi(self, ChallengeReviewDialog):
        ChallengeReviewDialog.setWindowTitle(QCoreApplication.translate("ChallengeReviewDialog", u"Review response", None))
        self.introLabel.setText("")
        self.verdictLabel.setText(QCoreApplication.translate("ChallengeReviewDialog", u"Verdict:", None))
        self.acceptedRadio.setText(QCoreApplication.translate("ChallengeReviewDialog", u"&Accepted: the challenge is closed", None))
        self.notAcceptedRadio.setText(QCoreApplication.translate("ChallengeReviewDialog", u"&Not accepted: the agency answers again", None))
        self.furtherRadio.setText(QCoreApplication.translate("ChallengeReviewDialog", u"&Further information requested", None))
        self.reasonLabel.setText(QCoreApplication.translate("ChallengeReviewDialog", u"&Why, or what is asked for:", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("ChallengeReviewDialog", u"Why the response was not accepted, or what further information is asked for", None))
#endif // QT_CONFIG(tooltip)
        self.reviewedLabel.setText(QCoreApplication.translate("ChallengeReviewDialog", u"Reviewed &on:", None))
        self.meetingLabel.setText(QCoreApplication.translate("ChallengeReviewDialog", u"At &meeting:", None))
        self.dueLabel.setText(QCoreApplication.translate("ChallengeReviewDialog", u"Answer again &by:", None))
        self.errorLabel.setText("")
    # retranslateUi

