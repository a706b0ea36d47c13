# Automatically generated - do not edit.
# Source: forms/minutes_declaration_dialog.ui (sha256 bd39b54409a086fd858e1c2def2a29a5bc77a7da15a723c332ebb4b07d74f92a)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'minutes_declaration_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_DeclarationDialog(object):
    def setupUi(self, DeclarationDialog):
        if not DeclarationDialog.objectName():
            DeclarationDialog.setObjectName(u"DeclarationDialog")
        DeclarationDialog.resize(520, 240)
        DeclarationDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(DeclarationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DeclarationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.whoLabel = QLabel(DeclarationDialog)
        self.whoLabel.setObjectName(u"whoLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whoLabel)

        self.whoCombo = QComboBox(DeclarationDialog)
        self.whoCombo.setObjectName(u"whoCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.whoCombo)

        self.guestLabel = QLabel(DeclarationDialog)
        self.guestLabel.setObjectName(u"guestLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.guestLabel)

        self.guestEdit = QLineEdit(DeclarationDialog)
        self.guestEdit.setObjectName(u"guestEdit")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.guestEdit)

        self.itemLabel = QLabel(DeclarationDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(DeclarationDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.natureLabel = QLabel(DeclarationDialog)
        self.natureLabel.setObjectName(u"natureLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.natureLabel)

        self.natureEdit = QLineEdit(DeclarationDialog)
        self.natureEdit.setObjectName(u"natureEdit")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.natureEdit)

        self.managedLabel = QLabel(DeclarationDialog)
        self.managedLabel.setObjectName(u"managedLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.managedLabel)

        self.managedCombo = QComboBox(DeclarationDialog)
        self.managedCombo.setObjectName(u"managedCombo")
        self.managedCombo.setEditable(True)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.managedCombo)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(DeclarationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DeclarationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.whoLabel.setBuddy(self.whoCombo)
        self.guestLabel.setBuddy(self.guestEdit)
        self.itemLabel.setBuddy(self.itemCombo)
        self.natureLabel.setBuddy(self.natureEdit)
        self.managedLabel.setBuddy(self.managedCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DeclarationDialog)
        self.buttonBox.accepted.connect(DeclarationDialog.accept)
        self.buttonBox.rejected.connect(DeclarationDialog.reject)

        QMetaObject.connectSlotsByName(DeclarationDialog)
    # setupUi

    def retranslateUi(self, DeclarationDialog):
        DeclarationDialog.setWindowTitle(QCoreApplication.translate("DeclarationDialog", u"Declaration of interest", None))
        self.introLabel.setText("")
        self.whoLabel.setText(QCoreApplication.translate("DeclarationDialog", u"&Who declared:", None))
        self.guestLabel.setText(QCoreApplication.translate("DeclarationDialog", u"&Guest's name:", None))
        self.guestEdit.setPlaceholderText(QCoreApplication.translate("DeclarationDialog", u"A guest in attendance, by name", None))
        self.itemLabel.setText(QCoreApplication.translate("DeclarationDialog", u"&Item:", None))
        self.natureLabel.setText(QCoreApplication.translate("DeclarationDialog", u"&Nature of the interest:", None))
        self.natureEdit.setPlaceholderText(QCoreApplication.translate("DeclarationDialog", u"e.g. employed by the agency whose return is discussed", None))
        self.managedLabel.setText(QCoreApplication.translate("DeclarationDialog", u"How &managed:", None))
        self.errorLabel.setText("")
    # retranslateUi

