# Automatically generated - do not edit.
# Source: forms/minutes_action_update_dialog.ui (sha256 ac2b377526f911c2d85388f33ed8c09d472f248ca241e251fdc89fe323f5b6ab)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'minutes_action_update_dialog.ui'
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ActionUpdateDialog(object):
    def setupUi(self, ActionUpdateDialog):
        if not ActionUpdateDialog.objectName():
            ActionUpdateDialog.setObjectName(u"ActionUpdateDialog")
        ActionUpdateDialog.resize(520, 240)
        ActionUpdateDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(ActionUpdateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ActionUpdateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.statusLabel = QLabel(ActionUpdateDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ActionUpdateDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.noteLabel = QLabel(ActionUpdateDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(ActionUpdateDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.dateLabel = QLabel(ActionUpdateDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ActionUpdateDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(ActionUpdateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ActionUpdateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionUpdateDialog)
        self.buttonBox.accepted.connect(ActionUpdateDialog.accept)
        self.buttonBox.rejected.connect(ActionUpdateDialog.reject)

        QMetaObject.connectSlotsByName(ActionUpdateDialog)
    # setupUi

    def retranslateUi(self, ActionUpdateDialog):
        ActionUpdateDialog.setWindowTitle(QCoreApplication.translate("ActionUpdateDialog", u"Update given at this meeting", None))
        self.introLabel.setText("")
        self.statusLabel.setText(QCoreApplication.translate("ActionUpdateDialog", u"&Status:", None))
        self.noteLabel.setText(QCoreApplication.translate("ActionUpdateDialog", u"&Note:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ActionUpdateDialog", u"e.g. report circulated on 2 October", None))
        self.dateLabel.setText(QCoreApplication.translate("ActionUpdateDialog", u"&On:", None))
        self.errorLabel.setText("")
    # retranslateUi

