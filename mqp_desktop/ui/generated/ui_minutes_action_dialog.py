# Automatically generated - do not edit.
# Source: forms/minutes_action_dialog.ui (sha256 30641af1ee4d01bafcf1dc9494e378a64f3eebb7196bdfa94df95df24b49bc4d)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'minutes_action_dialog.ui'
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
    QVBoxLayout, QWidget)

class Ui_MinutesActionDialog(object):
    def setupUi(self, MinutesActionDialog):
        if not MinutesActionDialog.objectName():
            MinutesActionDialog.setObjectName(u"MinutesActionDialog")
        MinutesActionDialog.resize(560, 240)
        MinutesActionDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(MinutesActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MinutesActionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.itemLabel = QLabel(MinutesActionDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(MinutesActionDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.descriptionLabel = QLabel(MinutesActionDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(MinutesActionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.ownerLabel = QLabel(MinutesActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(MinutesActionDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.dueLabel = QLabel(MinutesActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueRow = QHBoxLayout()
        self.dueRow.setObjectName(u"dueRow")
        self.dueCheck = QCheckBox(MinutesActionDialog)
        self.dueCheck.setObjectName(u"dueCheck")

        self.dueRow.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(MinutesActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")

        self.dueRow.addWidget(self.dueEdit)


        self.fieldsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.dueRow)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(MinutesActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MinutesActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.itemLabel.setBuddy(self.itemCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MinutesActionDialog)
        self.buttonBox.accepted.connect(MinutesActionDialog.accept)
        self.buttonBox.rejected.connect(MinutesActionDialog.reject)

        QMetaObject.connectSlotsByName(MinutesActionDialog)
    # setupUi

    def retranslateUi(self, MinutesActionDialog):
        MinutesActionDialog.setWindowTitle(QCoreApplication.translate("MinutesActionDialog", u"New action", None))
        self.introLabel.setText("")
        self.itemLabel.setText(QCoreApplication.translate("MinutesActionDialog", u"&Item:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("MinutesActionDialog", u"&What is to be done:", None))
        self.ownerLabel.setText(QCoreApplication.translate("MinutesActionDialog", u"&Owner:", None))
        self.dueLabel.setText(QCoreApplication.translate("MinutesActionDialog", u"&Due by:", None))
        self.dueCheck.setText("")
        self.errorLabel.setText("")
    # retranslateUi

