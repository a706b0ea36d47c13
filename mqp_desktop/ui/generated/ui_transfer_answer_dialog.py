# Automatically generated - do not edit.
# Source: forms/transfer_answer_dialog.ui (sha256 a2803d241d3a7bd3f97aa36f3558f2573d49488db4860ec1432f1a15542b6ef1)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_answer_dialog.ui'
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
    QPlainTextEdit, QPushButton, QRadioButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_TransferAnswerDialog(object):
    def setupUi(self, TransferAnswerDialog):
        if not TransferAnswerDialog.objectName():
            TransferAnswerDialog.setObjectName(u"TransferAnswerDialog")
        TransferAnswerDialog.resize(560, 320)
        TransferAnswerDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(TransferAnswerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TransferAnswerDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.answerLabel = QLabel(TransferAnswerDialog)
        self.answerLabel.setObjectName(u"answerLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.answerLabel)

        self.answerColumn = QVBoxLayout()
        self.answerColumn.setObjectName(u"answerColumn")
        self.acceptedRadio = QRadioButton(TransferAnswerDialog)
        self.acceptedRadio.setObjectName(u"acceptedRadio")

        self.answerColumn.addWidget(self.acceptedRadio)

        self.declinedRadio = QRadioButton(TransferAnswerDialog)
        self.declinedRadio.setObjectName(u"declinedRadio")

        self.answerColumn.addWidget(self.declinedRadio)


        self.fieldsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.answerColumn)

        self.reasonLabel = QLabel(TransferAnswerDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(TransferAnswerDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.answeredLabel = QLabel(TransferAnswerDialog)
        self.answeredLabel.setObjectName(u"answeredLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.answeredLabel)

        self.answeredEdit = QDateEdit(TransferAnswerDialog)
        self.answeredEdit.setObjectName(u"answeredEdit")
        self.answeredEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.answeredEdit)

        self.fileLabel = QLabel(TransferAnswerDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileNameLabel = QLabel(TransferAnswerDialog)
        self.fileNameLabel.setObjectName(u"fileNameLabel")
        self.fileNameLabel.setWordWrap(True)

        self.fileRow.addWidget(self.fileNameLabel)

        self.chooseFileButton = QPushButton(TransferAnswerDialog)
        self.chooseFileButton.setObjectName(u"chooseFileButton")

        self.fileRow.addWidget(self.chooseFileButton)

        self.clearFileButton = QPushButton(TransferAnswerDialog)
        self.clearFileButton.setObjectName(u"clearFileButton")

        self.fileRow.addWidget(self.clearFileButton)

        self.fileRow.setStretch(0, 1)

        self.fieldsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.fileRow)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(TransferAnswerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TransferAnswerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.answerLabel.setBuddy(self.acceptedRadio)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.answeredLabel.setBuddy(self.answeredEdit)
        self.fileLabel.setBuddy(self.chooseFileButton)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TransferAnswerDialog)
        self.buttonBox.accepted.connect(TransferAnswerDialog.accept)
        self.buttonBox.rejected.connect(TransferAnswerDialog.reject)

        QMetaObject.connectSlotsByName(TransferAnswerDialog)
    # setupUi

    def retranslateUi(self, TransferAnswerDialog):
        TransferAnswerDialog.setWindowTitle(QCoreApplication.translate("TransferAnswerDialog", u"Record the answer", None))
        self.introLabel.setText("")
        self.answerLabel.setText(QCoreApplication.translate("TransferAnswerDialog", u"The answer:", None))
        self.acceptedRadio.setText(QCoreApplication.translate("TransferAnswerDialog", u"&Accepted: the work will be undertaken", None))
        self.declinedRadio.setText(QCoreApplication.translate("TransferAnswerDialog", u"&Declined: it will not (say why)", None))
        self.reasonLabel.setText(QCoreApplication.translate("TransferAnswerDialog", u"&Why:", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("TransferAnswerDialog", u"Why not, when declined (ToR 8); a note when accepted", None))
#endif // QT_CONFIG(tooltip)
        self.answeredLabel.setText(QCoreApplication.translate("TransferAnswerDialog", u"Answer &dated:", None))
        self.fileLabel.setText(QCoreApplication.translate("TransferAnswerDialog", u"Letter or e&mail:", None))
        self.chooseFileButton.setText(QCoreApplication.translate("TransferAnswerDialog", u"C&hoose\u2026", None))
#if QT_CONFIG(tooltip)
        self.chooseFileButton.setToolTip(QCoreApplication.translate("TransferAnswerDialog", u"The receiving chair's letter (PDF, Word) or email (.eml, .msg): checked, then kept unchanged", None))
#endif // QT_CONFIG(tooltip)
        self.clearFileButton.setText(QCoreApplication.translate("TransferAnswerDialog", u"Clea&r", None))
        self.errorLabel.setText("")
    # retranslateUi

