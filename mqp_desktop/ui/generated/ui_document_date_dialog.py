# Automatically generated - do not edit.
# Source: forms/document_date_dialog.ui (sha256 4e0ef665a288d7860bc401482a944c0ed8d4ef8ce5ef23967ad14e140db6a6d5)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_date_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DocumentDateDialog(object):
    def setupUi(self, DocumentDateDialog):
        if not DocumentDateDialog.objectName():
            DocumentDateDialog.setObjectName(u"DocumentDateDialog")
        DocumentDateDialog.resize(480, 200)
        DocumentDateDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(DocumentDateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DocumentDateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateEditLabel = QLabel(DocumentDateDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = QDateEdit(DocumentDateDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reviewCheckLabel = QLabel(DocumentDateDialog)
        self.reviewCheckLabel.setObjectName(u"reviewCheckLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reviewCheckLabel)

        self.reviewEditRow = QHBoxLayout()
        self.reviewEditRow.setObjectName(u"reviewEditRow")
        self.reviewCheck = QCheckBox(DocumentDateDialog)
        self.reviewCheck.setObjectName(u"reviewCheck")

        self.reviewEditRow.addWidget(self.reviewCheck)

        self.reviewEdit = QDateEdit(DocumentDateDialog)
        self.reviewEdit.setObjectName(u"reviewEdit")
        self.reviewEdit.setCalendarPopup(True)

        self.reviewEditRow.addWidget(self.reviewEdit)

        self.reviewEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewEditRow.addItem(self.reviewEditSpacer)


        self.fieldsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.reviewEditRow)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(DocumentDateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DocumentDateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.reviewCheckLabel.setBuddy(self.reviewCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DocumentDateDialog)
        self.buttonBox.accepted.connect(DocumentDateDialog.accept)
        self.buttonBox.rejected.connect(DocumentDateDialog.reject)

        QMetaObject.connectSlotsByName(DocumentDateDialog)
    # setupUi

    def retranslateUi(self, DocumentDateDialog):
        DocumentDateDialog.setWindowTitle(QCoreApplication.translate("DocumentDateDialog", u"Date", None))
        self.introLabel.setText("")
        self.dateEditLabel.setText(QCoreApplication.translate("DocumentDateDialog", u"&Date:", None))
        self.reviewCheckLabel.setText(QCoreApplication.translate("DocumentDateDialog", u"Next &review due:", None))
        self.reviewCheck.setText("")
        self.errorLabel.setText("")
    # retranslateUi

