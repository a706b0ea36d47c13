# Automatically generated - do not edit.
# Source: forms/partnership_step_dialog.ui (sha256 4ccf57c12c6cf9604a999a3cfa65b74ffb06625cb1db93f0981f66318122f6e7)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'partnership_step_dialog.ui'
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

class Ui_PartnershipStepDialog(object):
    def setupUi(self, PartnershipStepDialog):
        if not PartnershipStepDialog.objectName():
            PartnershipStepDialog.setObjectName(u"PartnershipStepDialog")
        PartnershipStepDialog.resize(520, 260)
        PartnershipStepDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(PartnershipStepDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PartnershipStepDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(PartnershipStepDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(PartnershipStepDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.textLabel = QLabel(PartnershipStepDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textEdit = QPlainTextEdit(PartnershipStepDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.textEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(PartnershipStepDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PartnershipStepDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.textLabel.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PartnershipStepDialog)
        self.buttonBox.accepted.connect(PartnershipStepDialog.accept)
        self.buttonBox.rejected.connect(PartnershipStepDialog.reject)

        QMetaObject.connectSlotsByName(PartnershipStepDialog)
    # setupUi

    def retranslateUi(self, PartnershipStepDialog):
        PartnershipStepDialog.setWindowTitle(QCoreApplication.translate("PartnershipStepDialog", u"Partnership", None))
        self.introLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("PartnershipStepDialog", u"&Date:", None))
        self.textLabel.setText(QCoreApplication.translate("PartnershipStepDialog", u"&Note:", None))
        self.errorLabel.setText("")
    # retranslateUi

