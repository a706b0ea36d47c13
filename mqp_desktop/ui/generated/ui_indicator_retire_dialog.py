# Automatically generated - do not edit.
# Source: forms/indicator_retire_dialog.ui (sha256 e5828ed546b7805f6821aba3dabf7e5c012c1c6645399ba065dff9aa992ea28a)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_retire_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RetireIndicatorDialog(object):
    def setupUi(self, RetireIndicatorDialog):
        if not RetireIndicatorDialog.objectName():
            RetireIndicatorDialog.setObjectName(u"RetireIndicatorDialog")
        RetireIndicatorDialog.resize(480, 220)
        RetireIndicatorDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(RetireIndicatorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(RetireIndicatorDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)
        self.explanationLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.explanationLabel)

        self.retireForm = QFormLayout()
        self.retireForm.setObjectName(u"retireForm")
        self.retireForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.retiredOnLabel = QLabel(RetireIndicatorDialog)
        self.retiredOnLabel.setObjectName(u"retiredOnLabel")

        self.retireForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.retiredOnLabel)

        self.retiredOnEdit = QDateEdit(RetireIndicatorDialog)
        self.retiredOnEdit.setObjectName(u"retiredOnEdit")
        self.retiredOnEdit.setCalendarPopup(True)

        self.retireForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.retiredOnEdit)

        self.reasonLabel = QLabel(RetireIndicatorDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.retireForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(RetireIndicatorDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.retireForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.retireForm)

        self.errorLabel = QLabel(RetireIndicatorDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RetireIndicatorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.retiredOnLabel.setBuddy(self.retiredOnEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.retiredOnEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.buttonBox)

        self.retranslateUi(RetireIndicatorDialog)
        self.buttonBox.accepted.connect(RetireIndicatorDialog.accept)
        self.buttonBox.rejected.connect(RetireIndicatorDialog.reject)

        QMetaObject.connectSlotsByName(RetireIndicatorDialog)
    # setupUi

    def retranslateUi(self, RetireIndicatorDialog):
        RetireIndicatorDialog.setWindowTitle(QCoreApplication.translate("RetireIndicatorDialog", u"Retire indicator", None))
        self.explanationLabel.setText("")
        self.retiredOnLabel.setText(QCoreApplication.translate("RetireIndicatorDialog", u"&Retired on:", None))
        self.retiredOnEdit.setDisplayFormat(QCoreApplication.translate("RetireIndicatorDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.retiredOnEdit.setToolTip(QCoreApplication.translate("RetireIndicatorDialog", u"The day it stops being reported", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("RetireIndicatorDialog", u"Rea&son:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("RetireIndicatorDialog", u"e.g. replaced by CP4; no longer collected", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("RetireIndicatorDialog", u"Why it is retired, in a few words (required). Kept with the indicator and in the change history.", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

