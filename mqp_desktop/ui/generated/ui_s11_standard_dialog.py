# Automatically generated - do not edit.
# Source: forms/s11_standard_dialog.ui (sha256 a04ceaa7d25fddd24017821ae9f767b5587eb8b485e46477284826259de58050)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_standard_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_S11StandardDialog(object):
    def setupUi(self, S11StandardDialog):
        if not S11StandardDialog.objectName():
            S11StandardDialog.setObjectName(u"S11StandardDialog")
        S11StandardDialog.resize(640, 480)
        self.mainLayout = QVBoxLayout(S11StandardDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(S11StandardDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.numberLabel = QLabel(S11StandardDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberSpin = QSpinBox(S11StandardDialog)
        self.numberSpin.setObjectName(u"numberSpin")
        self.numberSpin.setMaximumSize(QSize(80, 16777215))
        self.numberSpin.setMinimum(1)
        self.numberSpin.setMaximum(99)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberSpin)

        self.titleLabel = QLabel(S11StandardDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(S11StandardDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(S11StandardDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(S11StandardDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumSize(QSize(16777215, 80))
        self.descriptionEdit.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.criteriaLabel = QLabel(S11StandardDialog)
        self.criteriaLabel.setObjectName(u"criteriaLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.criteriaLabel)

        self.criteriaEdit = QPlainTextEdit(S11StandardDialog)
        self.criteriaEdit.setObjectName(u"criteriaEdit")
        self.criteriaEdit.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.criteriaEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(S11StandardDialog)
        self.errorLabel.setObjectName(u"errorLabel")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(S11StandardDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberSpin)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.criteriaLabel.setBuddy(self.criteriaEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.numberSpin, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.criteriaEdit)

        self.retranslateUi(S11StandardDialog)
        self.buttonBox.accepted.connect(S11StandardDialog.accept)
        self.buttonBox.rejected.connect(S11StandardDialog.reject)

        QMetaObject.connectSlotsByName(S11StandardDialog)
    # setupUi

    def retranslateUi(self, S11StandardDialog):
        S11StandardDialog.setWindowTitle(QCoreApplication.translate("S11StandardDialog", u"Standard", None))
        self.explanationLabel.setText("")
        self.numberLabel.setText(QCoreApplication.translate("S11StandardDialog", u"&Number:", None))
        self.titleLabel.setText(QCoreApplication.translate("S11StandardDialog", u"&Title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("S11StandardDialog", u"e.g. Voice of the child", None))
        self.descriptionLabel.setText(QCoreApplication.translate("S11StandardDialog", u"&Description:", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("S11StandardDialog", u"optional: what the standard asks of an agency, in a sentence or two", None))
        self.criteriaLabel.setText(QCoreApplication.translate("S11StandardDialog", u"&Sub-criteria:", None))
        self.criteriaEdit.setPlaceholderText(QCoreApplication.translate("S11StandardDialog", u"one per line; numbered 9.1, 9.2, \u2026 in this order", None))
        self.errorLabel.setText("")
    # retranslateUi

