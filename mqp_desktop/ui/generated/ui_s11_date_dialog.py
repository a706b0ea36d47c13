# Automatically generated - do not edit.
# Source: forms/s11_date_dialog.ui (sha256 30e4d3c3603399641ac042790e91ad33e89c427ef1f44b1513b45082ed9f908c)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_date_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_S11DateDialog(object):
    def setupUi(self, S11DateDialog):
        if not S11DateDialog.objectName():
            S11DateDialog.setObjectName(u"S11DateDialog")
        S11DateDialog.resize(440, 190)
        S11DateDialog.setMinimumSize(QSize(400, 0))
        self.mainLayout = QVBoxLayout(S11DateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(S11DateDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.dateForm = QFormLayout()
        self.dateForm.setObjectName(u"dateForm")
        self.dateForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(S11DateDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.dateForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(S11DateDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.noteLabel = QLabel(S11DateDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.dateForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(S11DateDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.dateForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.dateForm)

        self.openReturnCheck = QCheckBox(S11DateDialog)
        self.openReturnCheck.setObjectName(u"openReturnCheck")
        self.openReturnCheck.setChecked(True)

        self.mainLayout.addWidget(self.openReturnCheck)

        self.errorLabel = QLabel(S11DateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(S11DateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(S11DateDialog)
        self.buttonBox.accepted.connect(S11DateDialog.accept)
        self.buttonBox.rejected.connect(S11DateDialog.reject)

        QMetaObject.connectSlotsByName(S11DateDialog)
    # setupUi

    def retranslateUi(self, S11DateDialog):
        S11DateDialog.setWindowTitle(QCoreApplication.translate("S11DateDialog", u"Mark return received", None))
        self.explanationLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("S11DateDialog", u"&Date:", None))
        self.noteLabel.setText(QCoreApplication.translate("S11DateDialog", u"&Note:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("S11DateDialog", u"optional, e.g. by email to the lead contact", None))
        self.openReturnCheck.setText(QCoreApplication.translate("S11DateDialog", u"&Then open the return to record its ratings", None))
        self.errorLabel.setText("")
    # retranslateUi

