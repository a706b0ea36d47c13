# Automatically generated - do not edit.
# Source: forms/ratify_dialog.ui (sha256 0188ebc8ad8c28f271b6385b20adff54d6b03dc82db505094979faa31477291b)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ratify_dialog.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_RatifyDialog(object):
    def setupUi(self, RatifyDialog):
        if not RatifyDialog.objectName():
            RatifyDialog.setObjectName(u"RatifyDialog")
        RatifyDialog.resize(620, 400)
        RatifyDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(RatifyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(RatifyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.ratifyForm = QFormLayout()
        self.ratifyForm.setObjectName(u"ratifyForm")
        self.ratifyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingLabel = QLabel(RatifyDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.ratifyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(RatifyDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.ratifyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.decisionsLabel = QLabel(RatifyDialog)
        self.decisionsLabel.setObjectName(u"decisionsLabel")

        self.ratifyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decisionsLabel)

        self.decisionsList = QListWidget(RatifyDialog)
        self.decisionsList.setObjectName(u"decisionsList")
        self.decisionsList.setWordWrap(True)

        self.ratifyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decisionsList)

        self.noteLabel = QLabel(RatifyDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.ratifyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(RatifyDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.ratifyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.ratifyForm)

        self.errorLabel = QLabel(RatifyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RatifyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.decisionsLabel.setBuddy(self.decisionsList)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meetingCombo, self.decisionsList)
        QWidget.setTabOrder(self.decisionsList, self.noteEdit)

        self.retranslateUi(RatifyDialog)
        self.buttonBox.accepted.connect(RatifyDialog.accept)
        self.buttonBox.rejected.connect(RatifyDialog.reject)

        QMetaObject.connectSlotsByName(RatifyDialog)
    # setupUi

    def retranslateUi(self, RatifyDialog):
        RatifyDialog.setWindowTitle(QCoreApplication.translate("RatifyDialog", u"Ratify decisions", None))
        self.introLabel.setText("")
        self.meetingLabel.setText(QCoreApplication.translate("RatifyDialog", u"At the &meeting:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("RatifyDialog", u"A later meeting that was quorate, whose minutes are not signed: the ratification is printed in them", None))
#endif // QT_CONFIG(tooltip)
        self.decisionsLabel.setText(QCoreApplication.translate("RatifyDialog", u"&Decisions:", None))
#if QT_CONFIG(tooltip)
        self.decisionsList.setToolTip(QCoreApplication.translate("RatifyDialog", u"Tick the decisions ratified (Space ticks the chosen one)", None))
#endif // QT_CONFIG(tooltip)
        self.noteLabel.setText(QCoreApplication.translate("RatifyDialog", u"&Note:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("RatifyDialog", u"Optional: printed with each ratification in the minutes", None))
        self.errorLabel.setText("")
    # retranslateUi

