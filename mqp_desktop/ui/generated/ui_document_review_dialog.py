# Automatically generated - do not edit.
# Source: forms/document_review_dialog.ui (sha256 5c5ad903b41c145b5e14ce8e64ce14166d8eb6de1acddf63ea4ccab8c7c6eb7b)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_review_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_DocumentReviewDialog(object):
    def setupUi(self, DocumentReviewDialog):
        if not DocumentReviewDialog.objectName():
            DocumentReviewDialog.setObjectName(u"DocumentReviewDialog")
        DocumentReviewDialog.resize(540, 260)
        DocumentReviewDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(DocumentReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DocumentReviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingComboLabel = QLabel(DocumentReviewDialog)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(DocumentReviewDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.outcomeComboLabel = QLabel(DocumentReviewDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(DocumentReviewDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.noteEditLabel = QLabel(DocumentReviewDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(DocumentReviewDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 80))

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(DocumentReviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DocumentReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.noteEditLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DocumentReviewDialog)
        self.buttonBox.accepted.connect(DocumentReviewDialog.accept)
        self.buttonBox.rejected.connect(DocumentReviewDialog.reject)

        QMetaObject.connectSlotsByName(DocumentReviewDialog)
    # setupUi

    def retranslateUi(self, DocumentReviewDialog):
        DocumentReviewDialog.setWindowTitle(QCoreApplication.translate("DocumentReviewDialog", u"Record review", None))
        self.introLabel.setText("")
        self.meetingComboLabel.setText(QCoreApplication.translate("DocumentReviewDialog", u"&Meeting:", None))
        self.outcomeComboLabel.setText(QCoreApplication.translate("DocumentReviewDialog", u"O&utcome:", None))
        self.noteEditLabel.setText(QCoreApplication.translate("DocumentReviewDialog", u"&Note:", None))
#if QT_CONFIG(tooltip)
        self.noteEdit.setToolTip(QCoreApplication.translate("DocumentReviewDialog", u"Amendments asked for, or why not endorsed or deferred", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

